package org.alskernel.linalg;

/**
 * Gathers a slice of a row's neighbours for the solvers: their factor rows, packed contiguously into
 * {@code ws.rows} (plain part), and their terms {@code (w_j, t_j)} into {@code ws.w} and {@code ws.t}.
 *
 * <p>When the other side is {@link Factors#biased biased}, its stored row is {@code (y_j, γ_j, 1)};
 * the packed row becomes the augmented vector {@code (y_j, 1)} (γ_j overwritten by 1, the constant
 * column cleared) and the target is shifted by the neighbour's bias: {@code t_j −= w_j·γ_j}.
 */
final class NeighbourRows {
  private NeighbourRows() {}

  /**
   * Gathers entries [start, start + n) of CSR row {@code row}, n ≤ {@link RowWorkspace#BATCH}, into
   * packed rows 0..n of {@code ws}.
   */
  static void gather(Factors other, int row, int[] indices, float[] values, int start, int n,
      EntryWeights weights, RowWorkspace ws) {
    int kp = ws.kp;
    int k = other.k;
    float[] y = other.data;
    float[] packed = ws.rows;
    float[] w = ws.w;
    float[] t = ws.t;
    weights.compute(row, indices, values, start, n, w, t);
    for (int j = 0; j < n; j++) {
      int dst = ws.packedAt + j * kp;
      System.arraycopy(y, other.rowStart(indices[start + j]), packed, dst, kp);
      if (other.biased) {
        t[j] -= w[j] * packed[dst + k];
        packed[dst + k] = 1f;
        packed[dst + k + 1] = 0f;
      }
    }
  }
}
