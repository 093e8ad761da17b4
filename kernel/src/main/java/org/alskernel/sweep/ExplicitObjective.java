package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowTerms;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;

/**
 * The explicit-feedback objective (docs/math.md, "Explicit ALS"), over the stored ratings only:
 *
 * <pre>  L = Σ_(u,i) w_ui (r_ui − r̂_ui)² + Σ_u λ_u ‖x̃_u‖² + Σ_i λ_i ‖ỹ_i‖²</pre>
 *
 * with r̂ = μ + β_u + γ_i + x_uᵀy_i (μ and the biases 0 when unbiased), x̃_u the row's unknowns
 * ((x_u, β_u) when biased) and λ_u as {@link RowTerms#lambdaFor} gives it. Each half-sweep
 * minimises exactly this over one side, so it cannot rise. Sums are in double over fixed row blocks added in order, so the value does
 * not depend on the thread count.
 */
public final class ExplicitObjective {
  private ExplicitObjective() {}

  public static double evaluate(VectorOps ops, ParallelRunner runner, CsrMatrix userItems,
      CsrMatrix itemUsers, ExplicitWeights weights, float mean, RowTerms userTerms,
      RowTerms itemTerms, Factors x, Factors y) {
    int[] indptr = userItems.indptr();
    int[] indices = userItems.indices();
    float[] values = userItems.values();
    int k = x.k;
    boolean biased = x.biased;
    double errors = BlockSums.over(runner, userItems.rows(), (from, to) -> {
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
    return errors + BlockSums.penalty(runner, userItems, userTerms, x, x.unknowns())
        + BlockSums.penalty(runner, itemUsers, itemTerms, y, y.unknowns());
  }
}
