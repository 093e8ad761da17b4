package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Cholesky factorisation A = UᵀU of a symmetric positive-definite k×k matrix held in the upper
 * triangle of a row-major array with stride kp (padding zero), and the two triangular solves.
 *
 * <p>The factorisation is blocked by panels of {@value #PANEL} rows: a panel is factored row by row
 * with vector axpys, then the rows below it receive one rank-{@value #PANEL} update through the same
 * register-blocked kernel as the normal-equation build, which is where most of the k³/3 flops go.
 */
public final class Cholesky {
  /** Rows per panel; the rank-update kernel works on 4-row tiles. */
  static final int PANEL = 4;

  private Cholesky() {}

  /** Floats of scratch {@link #factor} needs. */
  public static int scratchSize(int kp) {
    return PANEL * kp;
  }

  /**
   * Factors in place: on return the upper triangle holds U; entries below the diagonal are left with
   * meaningless values.
   *
   * @param scratch at least {@link #scratchSize(int)} floats
   * @return -1 on success, else the index of the first pivot that is not positive (or not a number):
   *     the matrix is not positive definite and its contents are undefined
   */
  public static int factor(VectorOps ops, float[] a, int k, int kp, float[] scratch) {
    for (int i0 = 0; i0 < k; i0 += PANEL) {
      int i1 = Math.min(i0 + PANEL, k);
      for (int i = i0; i < i1; i++) {
        int failed = eliminate(ops, a, k, kp, i, i1);
        if (failed >= 0) {
          return failed;
        }
      }
      if (i1 < k) {
        // Trailing update A[r][c] -= Σ_p U[p][r]·U[p][c] for the panel rows p and every r ≥ i1.
        for (int p = i0; p < i1; p++) {
          for (int c = 0; c < kp; c++) {
            scratch[(p - i0) * kp + c] = -a[p * kp + c];
          }
        }
        ops.rankUpdate(a, i0 * kp, scratch, 0, i1 - i0, kp, a, 0, i1);
      }
    }
    return -1;
  }

  /**
   * Turns row i into row i of U and removes its contribution from the later rows of its panel (rows
   * [i+1, panelEnd)). Returns -1, or i when the pivot is not positive.
   */
  private static int eliminate(VectorOps ops, float[] a, int k, int kp, int i, int panelEnd) {
    int ii = i * kp + i;
    float d = a[ii];
    if (!(d > 0f) || d == Float.POSITIVE_INFINITY) {
      return i;
    }
    float root = (float) Math.sqrt(d);
    float inv = 1f / root;
    a[ii] = root;
    for (int c = i + 1; c < k; c++) {
      a[ii + c - i] *= inv;
    }
    // A[r][r..k) -= U[i][r]·U[i][r..k), widened to whole vectors [r rounded down, kp): the extra
    // columns on the left are below the diagonal (never read) and the padding on the right is zero.
    int lanes = ops.lanes();
    for (int r = i + 1; r < panelEnd; r++) {
      float u = a[i * kp + r];
      int s = r - r % lanes;
      ops.axpy(-u, a, i * kp + s, a, r * kp + s, kp - s);
    }
    return -1;
  }

  /** Solves UᵀU x = b in place ({@code b} becomes x), U from {@link #factor}. */
  public static void solve(VectorOps ops, float[] u, int k, int kp, float[] b) {
    // Forward: Uᵀz = b, sweeping rows of U (columns of Uᵀ) so each update is a contiguous axpy.
    for (int i = 0; i < k; i++) {
      float z = b[i] / u[i * kp + i];
      b[i] = z;
      if (z != 0f) {
        ops.axpy(-z, u, i * kp + i + 1, b, i + 1, k - i - 1);
      }
    }
    // Backward: U x = z, each row a contiguous dot with the solved tail.
    for (int i = k - 1; i >= 0; i--) {
      float s = ops.dot(u, i * kp + i + 1, b, i + 1, k - i - 1);
      b[i] = (b[i] - s) / u[i * kp + i];
    }
  }
}
