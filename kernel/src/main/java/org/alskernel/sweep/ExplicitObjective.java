package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;

/**
 * The explicit-feedback objective (docs/math.md, "Explicit ALS"), over the stored ratings only:
 *
 * <pre>  L = Σ_(u,i) w_ui (r_ui − r̂_ui)² + Σ_u λ_u ‖x̃_u‖² + Σ_i λ_i ‖ỹ_i‖²</pre>
 *
 * with r̂ = μ + β_u + γ_i + x_uᵀy_i (μ and the biases 0 when unbiased), x̃_u the row's unknowns
 * ((x_u, β_u) when biased) and λ_u = λ or λ·|N(u)|. Each half-sweep minimises exactly this over one
 * side, so it cannot rise. Sums are in double over fixed row blocks added in order, so the value does
 * not depend on the thread count.
 */
public final class ExplicitObjective {
  private static final int BLOCK_ROWS = 1024;

  private ExplicitObjective() {}

  public static double evaluate(VectorOps ops, ParallelRunner runner, CsrMatrix userItems,
      CsrMatrix itemUsers, ExplicitWeights weights, float mean, float lambda, boolean scaled,
      Factors x, Factors y) {
    int[] indptr = userItems.indptr();
    int[] indices = userItems.indices();
    float[] values = userItems.values();
    int k = x.k;
    boolean biased = x.biased;
    double[] errors = blocks(runner, userItems.rows(), (from, to) -> {
      double sum = 0;
      for (int u = from; u < to; u++) {
        for (int p = indptr[u]; p < indptr[u + 1]; p++) {
          int i = indices[p];
          double s = ops.dot(x.data, x.rowStart(u), y.data, y.rowStart(i), k);
          if (biased) {
            s += (double) x.data[x.rowStart(u) + k] + y.data[y.rowStart(i) + k];
          }
          double e = values[p] - mean - s;
          sum += weights.weight(u, indices, p) * e * e;
        }
      }
      return sum;
    });
    return sum(errors) + penalty(runner, userItems, lambda, scaled, x)
        + penalty(runner, itemUsers, lambda, scaled, y);
  }

  private static double penalty(ParallelRunner runner, CsrMatrix rows, float lambda, boolean scaled,
      Factors f) {
    int dim = f.unknowns();
    return sum(blocks(runner, f.rows, (from, to) -> {
      double sum = 0;
      for (int r = from; r < to; r++) {
        double norm = 0;
        for (int c = 0; c < dim; c++) {
          double v = f.data[f.rowStart(r) + c];
          norm += v * v;
        }
        sum += (scaled ? (double) lambda * rows.rowLength(r) : lambda) * norm;
      }
      return sum;
    }));
  }

  private interface BlockSum {
    double apply(int from, int to);
  }

  private static double[] blocks(ParallelRunner runner, int rows, BlockSum f) {
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    double[] partial = new double[blocks];
    runner.run(blocks, blk -> partial[blk] = f.apply(blk * BLOCK_ROWS,
        Math.min(rows, (blk + 1) * BLOCK_ROWS)));
    return partial;
  }

  private static double sum(double[] partial) {
    double s = 0;
    for (double p : partial) {
      s += p;
    }
    return s;
  }
}
