package org.alskernel.validation;

import org.alskernel.data.CsrMatrix;

/**
 * Implicit ALS the way it is usually written in plain Java: double arithmetic, a k×k array per system,
 * the YᵀY trick and sparse rows (so it is not the naive dense reference), a rank-1 update per
 * interaction and a textbook Cholesky. One thread. A baseline for the benchmarks: what a user would
 * write before reaching for SIMD, blocking or packing.
 */
public final class TextbookImplicitAls {
  private final int k;
  private final double lambda;
  private final double alpha;

  public TextbookImplicitAls(int k, double lambda, double alpha) {
    this.k = k;
    this.lambda = lambda;
    this.alpha = alpha;
  }

  /** Solves every row of {@code rows} against {@code other} (dense, stride k); returns dense, stride k. */
  public float[] halfSweep(CsrMatrix rows, float[] other) {
    int otherRows = other.length / k;
    double[][] yty = new double[k][k];
    for (int i = 0; i < otherRows; i++) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          yty[a][b] += (double) other[i * k + a] * other[i * k + b];
        }
      }
    }
    float[] out = new float[rows.rows() * k];
    double[][] m = new double[k][k];
    double[] rhs = new double[k];
    int[] indptr = rows.indptr();
    for (int u = 0; u < rows.rows(); u++) {
      if (indptr[u] == indptr[u + 1]) {
        continue;
      }
      for (int a = 0; a < k; a++) {
        System.arraycopy(yty[a], 0, m[a], 0, k);
        m[a][a] += lambda;
        rhs[a] = 0;
      }
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        int i = rows.indices()[p];
        double r = rows.values()[p];
        double c = 1 + alpha * Math.abs(r);
        for (int a = 0; a < k; a++) {
          double ya = other[i * k + a];
          for (int b = 0; b < k; b++) {
            m[a][b] += (c - 1) * ya * other[i * k + b];
          }
          if (r > 0) {
            rhs[a] += c * ya;
          }
        }
      }
      choleskySolve(m, rhs);
      for (int a = 0; a < k; a++) {
        out[u * k + a] = (float) rhs[a];
      }
    }
    return out;
  }

  /** Textbook Cholesky–Banachiewicz (lower L, A = LLᵀ), then forward and back substitution in place. */
  private void choleskySolve(double[][] m, double[] rhs) {
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i][j];
        for (int p = 0; p < j; p++) {
          s -= m[i][p] * m[j][p];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new ArithmeticException("matrix not positive definite at pivot " + i);
          }
          m[i][i] = Math.sqrt(s);
        } else {
          m[i][j] = s / m[j][j];
        }
      }
    }
    for (int i = 0; i < k; i++) {
      double s = rhs[i];
      for (int p = 0; p < i; p++) {
        s -= m[i][p] * rhs[p];
      }
      rhs[i] = s / m[i][i];
    }
    for (int i = k - 1; i >= 0; i--) {
      double s = rhs[i];
      for (int p = i + 1; p < k; p++) {
        s -= m[p][i] * rhs[p];
      }
      rhs[i] = s / m[i][i];
    }
  }
}
