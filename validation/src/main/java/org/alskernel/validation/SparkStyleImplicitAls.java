package org.alskernel.validation;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.alskernel.data.CsrMatrix;
import org.netlib.util.intW;

/**
 * Implicit ALS as Spark MLlib solves it: per row, a packed upper-triangular double matrix built with
 * one BLAS {@code dspr} rank-1 update per interaction, YᵀY (also built with dspr) merged in, λ on the
 * diagonal, and LAPACK {@code dppsv}. Factors are float and copied to doubles for each update, as
 * Spark does. One thread. Unlike Spark this adds plain λ (not λ·n_u) so that it solves the same
 * equations as the kernel; the work is the same.
 *
 * <p>The BLAS and LAPACK instances choose the path: {@code NativeBLAS}/{@code NativeLAPACK} (OpenBLAS
 * through JNI) or {@code JavaBLAS}/{@code JavaLAPACK} (pure Java).
 */
public final class SparkStyleImplicitAls {
  private final BLAS blas;
  private final LAPACK lapack;
  private final int k;
  private final double lambda;
  private final double alpha;

  public SparkStyleImplicitAls(BLAS blas, LAPACK lapack, int k, double lambda, double alpha) {
    this.blas = blas;
    this.lapack = lapack;
    this.k = k;
    this.lambda = lambda;
    this.alpha = alpha;
  }

  /** Solves every row of {@code rows} against {@code other} (dense, stride k); returns dense, stride k. */
  public float[] halfSweep(CsrMatrix rows, float[] other) {
    int packed = k * (k + 1) / 2;
    double[] y = new double[k];
    double[] yty = new double[packed];
    for (int i = 0; i < other.length / k; i++) {
      copy(other, i, y);
      blas.dspr("U", k, 1.0, y, 1, yty);
    }
    double[] ap = new double[packed];
    double[] atb = new double[k];
    float[] out = new float[rows.rows() * k];
    int[] indptr = rows.indptr();
    intW info = new intW(0);
    for (int u = 0; u < rows.rows(); u++) {
      if (indptr[u] == indptr[u + 1]) {
        continue;
      }
      java.util.Arrays.fill(ap, 0);
      java.util.Arrays.fill(atb, 0);
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        double r = rows.values()[p];
        double c1 = alpha * Math.abs(r);
        copy(other, rows.indices()[p], y);
        blas.dspr("U", k, c1, y, 1, ap);
        if (r > 0) {
          blas.daxpy(k, 1.0 + c1, y, 1, atb, 1);
        }
      }
      blas.daxpy(packed, 1.0, yty, 1, ap, 1);
      for (int a = 0, d = 0; a < k; d += a + 2, a++) {
        ap[d] += lambda; // diagonal of the packed upper triangle (column-major)
      }
      lapack.dppsv("U", k, 1, ap, atb, k, info);
      if (info.val != 0) {
        throw new ArithmeticException("dppsv failed with info " + info.val + " at row " + u);
      }
      for (int a = 0; a < k; a++) {
        out[u * k + a] = (float) atb[a];
      }
    }
    return out;
  }

  private void copy(float[] factors, int row, double[] y) {
    for (int a = 0; a < k; a++) {
      y[a] = factors[row * k + a];
    }
  }
}
