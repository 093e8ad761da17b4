package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowTerms;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;

/**
 * The full implicit-feedback objective (docs/math.md, "The objective without the n×m sum")
 *
 * <pre>  L = Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ (‖X‖² + ‖Y‖²)</pre>
 *
 * evaluated without visiting the m·n unobserved pairs: Σ_u Σ_i (x_uᵀy_i)² = ⟨XᵀX, YᵀY⟩ (Frobenius), so
 * L = ⟨G_X, G_Y⟩ + Σ_observed [c (p − s)² − s²] + λ (tr G_X + tr G_Y) with s = x_uᵀy_i. Given both Gram
 * matrices this is O(nnz·k + k²). When λ is scaled per row (ALS-WR or frequency scaling) the penalty
 * is Σ_u λ_u ‖x_u‖² + Σ_i λ_i ‖y_i‖² instead, one more O((m + n)·k) pass. Sums are in double over
 * fixed row blocks added in order, so the value does not depend on the thread count.
 */
public final class ImplicitObjective {
  private ImplicitObjective() {}

  public static double evaluate(VectorOps ops, ParallelRunner runner, CsrMatrix userItems,
      CsrMatrix itemUsers, ImplicitWeights weights, RowTerms userTerms, RowTerms itemTerms,
      Factors x, Factors y, float[] gramX, float[] gramY) {
    double unobserved = 0;
    for (int i = 0; i < gramX.length; i++) {
      unobserved += (double) gramX[i] * gramY[i];
    }
    int[] indptr = userItems.indptr();
    int[] indices = userItems.indices();
    float[] values = userItems.values();
    double observed = BlockSums.over(runner, userItems.rows(), (from, to) -> {
      double sum = 0;
      for (int u = from; u < to; u++) {
        for (int p = indptr[u]; p < indptr[u + 1]; p++) {
          double s = ops.dot(x.data, x.rowStart(u), y.data, y.rowStart(indices[p]), x.k);
          double c = weights.confidence(values[p]);
          double e = (values[p] > 0f ? 1.0 : 0.0) - s;
          sum += c * e * e - s * s;
        }
      }
      return sum;
    });
    return unobserved + observed + penalties(runner, userItems, itemUsers, userTerms, itemTerms,
        x, y, gramX, gramY);
  }

  /** λ (tr G_X + tr G_Y) when every row's λ is λ, else the sum of each row's λ_u ‖x_u‖². */
  private static double penalties(ParallelRunner runner, CsrMatrix userItems, CsrMatrix itemUsers,
      RowTerms userTerms, RowTerms itemTerms, Factors x, Factors y, float[] gramX, float[] gramY) {
    if (constant(userTerms) && constant(itemTerms) && userTerms.lambda() == itemTerms.lambda()) {
      double norms = 0;
      for (int f = 0; f < x.k; f++) {
        norms += (double) gramX[f * x.stride + f] + gramY[f * y.stride + f];
      }
      return userTerms.lambda() * norms;
    }
    return BlockSums.penalty(runner, userItems, userTerms, x, x.k)
        + BlockSums.penalty(runner, itemUsers, itemTerms, y, y.k);
  }

  private static boolean constant(RowTerms terms) {
    return !terms.lambdaScaledByCount() && terms.nu() == 0f;
  }
}
