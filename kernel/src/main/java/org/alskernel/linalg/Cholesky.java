package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Cholesky factorisation A = UᵀU of a symmetric positive-definite k×k matrix held in the upper
 * triangle of a row-major array with stride kp, and the two triangular solves. Row-oriented so that
 * every inner loop is a contiguous axpy or dot the vector kernels run.
 */
public final class Cholesky {
  private Cholesky() {}

  /**
   * Factors in place: on return the upper triangle holds U.
   *
   * @return -1 on success, else the index of the first pivot that is not positive (or not a number):
   *     the matrix is not positive definite and its contents are undefined
   */
  public static int factor(VectorOps ops, float[] a, int k, int kp) {
    for (int i = 0; i < k; i++) {
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
      // Right-looking update of the trailing rows: A[r][r..k) -= U[i][r]·U[i][r..k).
      for (int r = i + 1; r < k; r++) {
        float u = a[i * kp + r];
        if (u != 0f) {
          ops.axpy(-u, a, i * kp + r, a, r * kp + r, k - r);
        }
      }
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
