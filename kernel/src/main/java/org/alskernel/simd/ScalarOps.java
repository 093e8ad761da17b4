package org.alskernel.simd;

/**
 * Plain-Java twin of the vector kernels, written with the same blocking so that it is a fair fallback
 * (four independent accumulators in reductions, 4-row blocks in the rank update).
 */
public final class ScalarOps implements VectorOps {

  @Override
  public int lanes() {
    return 1;
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }

  @Override
  public void rowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x,
      float[] out) {
    for (int j = 0; j < count; j++) {
      out[j] = dot(data, base + rows[from + j] * kp, x, 0, kp);
    }
  }

  @Override
  public void addRowCombination(float[] data, int base, int[] rows, int from, int count, int kp,
      float[] coef, float[] acc) {
    for (int j = 0; j < count; j++) {
      axpy(coef[j], data, base + rows[from + j] * kp, acc, 0, kp);
    }
  }

  @Override
  public void symmetricProducts(float[] m, int kp, int d, float[] v, int vo, int count, float[] out,
      int oo) {
    for (int b = 0; b < count; b++) {
      for (int c = 0; c < kp; c++) {
        float acc = 0f;
        for (int i = 0; i < d; i++) {
          acc = Math.fma(v[vo + b * kp + i], m[i * kp + c], acc);
        }
        out[oo + b * kp + c] = acc;
      }
    }
  }

  @Override
  public void packWeighted(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bo) {
    for (int j = 0; j < count; j++) {
      int src = base + rows[from + j] * kp;
      int dst = j * kp;
      for (int c = 0; c < kp; c++) {
        float y = data[src + c];
        packed[po + dst + c] = y;
        weighted[wo + dst + c] = w[j] * y;
        b[bo + c] += t[j] * y;
      }
    }
  }

  @Override
  public void rankUpdate(
      float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao, int fromRow) {
    int r = fromRow;
    for (; r + 3 < kp; r += 4) {
      for (int j = 0; j < count; j++) {
        int row = ro + j * kp;
        int wrow = wo + j * kp;
        float w0 = wrows[wrow + r];
        float w1 = wrows[wrow + r + 1];
        float w2 = wrows[wrow + r + 2];
        float w3 = wrows[wrow + r + 3];
        for (int c = r; c < kp; c++) {
          float y = rows[row + c];
          a[ao + r * kp + c] += w0 * y;
          a[ao + (r + 1) * kp + c] += w1 * y;
          a[ao + (r + 2) * kp + c] += w2 * y;
          a[ao + (r + 3) * kp + c] += w3 * y;
        }
      }
    }
    for (; r < kp; r++) {
      for (int j = 0; j < count; j++) {
        float w = wrows[wo + j * kp + r];
        int row = ro + j * kp;
        for (int c = r; c < kp; c++) {
          a[ao + r * kp + c] += w * rows[row + c];
        }
      }
    }
  }

  /** With one lane this is the unblocked right-looking Cholesky and the two triangular solves. */
  @Override
  public void factorSolveInterleaved(float[] buf, int t, int rhs, int k, int[] failedPivot) {
    failedPivot[0] = -1;
    for (int i = 0; i < k; i++) {
      float d = buf[t + i * k + i];
      if (!(d > 0f) || d == Float.POSITIVE_INFINITY) {
        failedPivot[0] = i;
        return;
      }
      float root = (float) Math.sqrt(d);
      float inv = 1f / root;
      buf[t + i * k + i] = root;
      for (int c = i + 1; c < k; c++) {
        buf[t + i * k + c] *= inv;
      }
      for (int r = i + 1; r < k; r++) {
        float u = buf[t + i * k + r];
        for (int c = r; c < k; c++) {
          buf[t + r * k + c] -= u * buf[t + i * k + c];
        }
      }
    }
    for (int i = 0; i < k; i++) {
      float z = buf[rhs + i] / buf[t + i * k + i];
      buf[rhs + i] = z;
      for (int c = i + 1; c < k; c++) {
        buf[rhs + c] -= z * buf[t + i * k + c];
      }
    }
    for (int i = k - 1; i >= 0; i--) {
      float s = 0f;
      for (int c = i + 1; c < k; c++) {
        s += buf[t + i * k + c] * buf[rhs + c];
      }
      buf[rhs + i] = (buf[rhs + i] - s) / buf[t + i * k + i];
    }
  }

  /** With one lane a tile is one element. */
  @Override
  public void transposeTile(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset,
      int dstStride, int columns) {
    if (columns > 0) {
      dst[dstOffset] = src[srcOffset];
    }
  }
}
