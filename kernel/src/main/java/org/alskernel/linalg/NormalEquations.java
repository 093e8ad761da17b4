package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Builds one row's normal equations (docs/math.md, "One builder"):
 *
 * <pre>  A = β·G + Σ_j w_j·y_j y_jᵀ + λ·I        b = Σ_j t_j·y_j</pre>
 *
 * where j runs over the row's stored entries, y_j is the other side's factor row of entry j, and
 * (w_j, t_j) come from {@link EntryWeights}. Neighbours are gathered {@link RowWorkspace#BATCH} at a
 * time into a packed buffer (plain and weighted copies) and applied with one register-blocked rank
 * update, so the work per row allocates nothing and touches only the row's neighbours.
 */
public final class NormalEquations {
  private NormalEquations() {}

  /**
   * Fills {@code ws.a} (upper triangle valid, stride kp) and {@code ws.b}.
   *
   * @param gram the other side's Gram matrix YᵀY (kp×kp), or null when β = 0
   * @param other the other side's factors; {@code other.stride} must equal {@code ws.kp}
   * @param indices column indices of the CSR row, entries [from, to)
   * @param values the stored values of the CSR row, entries [from, to)
   */
  public static void build(VectorOps ops, float[] gram, float beta, float lambda, Factors other,
      int[] indices, float[] values, int from, int to, EntryWeights weights, RowWorkspace ws) {
    int kp = ws.kp;
    float[] a = ws.a;
    float[] b = ws.b;
    if (gram == null || beta == 0f) {
      java.util.Arrays.fill(a, 0f);
    } else if (beta == 1f) {
      System.arraycopy(gram, 0, a, 0, kp * kp);
    } else {
      for (int i = 0; i < kp * kp; i++) {
        a[i] = beta * gram[i];
      }
    }
    for (int i = 0; i < other.k; i++) {
      a[i * kp + i] += lambda;
    }
    java.util.Arrays.fill(b, 0f);

    float[] y = other.data;
    float[] packed = ws.packed;
    float[] weighted = ws.weighted;
    for (int start = from; start < to; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, to - start);
      weights.compute(values, start, n, ws.w, ws.t);
      for (int j = 0; j < n; j++) {
        int src = indices[start + j] * kp;
        int dst = j * kp;
        System.arraycopy(y, src, packed, dst, kp);
        float wj = ws.w[j];
        for (int c = 0; c < kp; c++) {
          weighted[dst + c] = wj * packed[dst + c];
        }
        ops.axpy(ws.t[j], packed, dst, b, 0, kp);
      }
      ops.rankUpdate(packed, 0, weighted, 0, n, kp, a, 0);
    }
  }
}
