package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;

/**
 * The full implicit-feedback objective (docs/math.md, "The objective without the n×m sum")
 *
 * <pre>  L = Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ (‖X‖² + ‖Y‖²)</pre>
 *
 * evaluated without visiting the m·n unobserved pairs: Σ_u Σ_i (x_uᵀy_i)² = ⟨XᵀX, YᵀY⟩ (Frobenius), so
 * L = ⟨G_X, G_Y⟩ + Σ_observed [c (p − s)² − s²] + λ (tr G_X + tr G_Y) with s = x_uᵀy_i. Given both Gram
 * matrices this is O(nnz·k + k²). Sums are in double over fixed row blocks added in order, so the value
 * does not depend on the thread count.
 */
public final class ImplicitObjective {
  private static final int BLOCK_ROWS = 1024;

  private ImplicitObjective() {}

  public static double evaluate(VectorOps ops, ParallelRunner runner, CsrMatrix r, ImplicitWeights weights,
      float lambda, Factors x, Factors y, float[] gramX, float[] gramY) {
    double unobserved = 0;
    for (int i = 0; i < gramX.length; i++) {
      unobserved += (double) gramX[i] * gramY[i];
    }
    double norms = 0;
    for (int f = 0; f < x.k; f++) {
      norms += (double) gramX[f * x.stride + f] + gramY[f * y.stride + f];
    }
    int blocks = (r.rows() + BLOCK_ROWS - 1) / BLOCK_ROWS;
    double[] partial = new double[blocks];
    int[] indptr = r.indptr();
    int[] indices = r.indices();
    float[] values = r.values();
    runner.run(blocks, blk -> {
      double sum = 0;
      int end = Math.min(r.rows(), (blk + 1) * BLOCK_ROWS);
      for (int u = blk * BLOCK_ROWS; u < end; u++) {
        for (int p = indptr[u]; p < indptr[u + 1]; p++) {
          double s = ops.dot(x.data, x.rowStart(u), y.data, y.rowStart(indices[p]), x.k);
          double c = weights.confidence(values[p]);
          double e = (values[p] > 0f ? 1.0 : 0.0) - s;
          sum += c * e * e - s * s;
        }
      }
      partial[blk] = sum;
    });
    double observed = 0;
    for (double p : partial) {
      observed += p;
    }
    return unobserved + observed + lambda * norms;
  }
}
