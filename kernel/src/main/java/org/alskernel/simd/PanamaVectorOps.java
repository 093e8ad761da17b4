package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API implementation. The species lives in a {@code static final} field: passed around as
 * a value it is not intrinsified and every call allocates. Loaded only after {@link VectorOpsProvider}
 * has checked that jdk.incubator.vector is readable.
 */
final class PanamaVectorOps implements VectorOps {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int L = F.length();

  @Override
  public int lanes() {
    return L;
  }

  @Override
  public String name() {
    return "vector " + F.vectorBitSize() + "-bit";
  }

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    int i = 0;
    float sum = 0f;
    if (n >= L) {
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = FloatVector.zero(F);
      for (; i + 2 * L <= n; i += 2 * L) {
        s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
        s1 = FloatVector.fromArray(F, a, ao + i + L).fma(FloatVector.fromArray(F, b, bo + i + L), s1);
      }
      for (; i + L <= n; i += L) {
        s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
      }
      sum = sumLanes(s0.add(s1));
    }
    for (; i < n; i++) {
      sum += a[ao + i] * b[bo + i];
    }
    return sum;
  }

  /**
   * The sum of the lanes in one fixed pairwise order. {@code reduceLanes(ADD)} leaves the order of a
   * floating-point reduction unspecified, and in practice the interpreter's fallback and C2's
   * intrinsic use different orders: the same call gave different bits before and after JIT
   * compilation, so results depended on warm-up (and looked like a thread-count dependence). Here
   * every step is a lane-wise IEEE add of the vector and its upper half shifted down, so the result is
   * the same in every execution mode.
   */
  private static float sumLanes(FloatVector v) {
    for (int h = L / 2; h >= 1; h >>= 1) {
      v = v.add(v.slice(h));
    }
    return v.lane(0);
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    if (n >= L) {
      FloatVector av = FloatVector.broadcast(F, alpha);
      for (; i + L <= n; i += L) {
        av.fma(FloatVector.fromArray(F, x, xo + i), FloatVector.fromArray(F, y, yo + i))
            .intoArray(y, yo + i);
      }
    }
    for (; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }

  /**
   * Upper-triangle tiles of 4 rows × up to 4 vectors, accumulated in 16 registers over all packed rows
   * and added to A once: each step loads 4 vectors and 4 broadcasts for 16 FMAs.
   */
  @Override
  public void rankUpdate(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a) {
    for (int r = 0; r < kp; r += 4) {
      int c = r / L * L;
      for (; c + 4 * L <= kp; c += 4 * L) {
        tile4x4(rows, ro, wrows, wo, count, kp, a, r, c);
      }
      if (c + 2 * L <= kp) {
        tile4x2(rows, ro, wrows, wo, count, kp, a, r, c);
        c += 2 * L;
      }
      if (c < kp) {
        tile4x1(rows, ro, wrows, wo, count, kp, a, r, c);
      }
    }
  }

  private static void addInto(float[] a, int offset, FloatVector v) {
    FloatVector.fromArray(F, a, offset).add(v).intoArray(a, offset);
  }

  /** A[r..r+3][c .. c+4·L) += Σ_j wrows_j[r..r+3] ⊗ rows_j[c .. c+4·L), in registers. */
  private static void tile4x4(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int r, int c) {
    FloatVector a00 = FloatVector.zero(F); FloatVector a01 = FloatVector.zero(F); FloatVector a02 = FloatVector.zero(F); FloatVector a03 = FloatVector.zero(F);
    FloatVector a10 = FloatVector.zero(F); FloatVector a11 = FloatVector.zero(F); FloatVector a12 = FloatVector.zero(F); FloatVector a13 = FloatVector.zero(F);
    FloatVector a20 = FloatVector.zero(F); FloatVector a21 = FloatVector.zero(F); FloatVector a22 = FloatVector.zero(F); FloatVector a23 = FloatVector.zero(F);
    FloatVector a30 = FloatVector.zero(F); FloatVector a31 = FloatVector.zero(F); FloatVector a32 = FloatVector.zero(F); FloatVector a33 = FloatVector.zero(F);
    for (int j = 0, p = ro + c, q = wo + r; j < count; j++, p += kp, q += kp) {
      FloatVector y0 = FloatVector.fromArray(F, rows, p);
      FloatVector y1 = FloatVector.fromArray(F, rows, p + 1 * L);
      FloatVector y2 = FloatVector.fromArray(F, rows, p + 2 * L);
      FloatVector y3 = FloatVector.fromArray(F, rows, p + 3 * L);
      FloatVector w0 = FloatVector.broadcast(F, wrows[q]);
      FloatVector w1 = FloatVector.broadcast(F, wrows[q + 1]);
      FloatVector w2 = FloatVector.broadcast(F, wrows[q + 2]);
      FloatVector w3 = FloatVector.broadcast(F, wrows[q + 3]);
      a00 = w0.fma(y0, a00); a01 = w0.fma(y1, a01); a02 = w0.fma(y2, a02); a03 = w0.fma(y3, a03);
      a10 = w1.fma(y0, a10); a11 = w1.fma(y1, a11); a12 = w1.fma(y2, a12); a13 = w1.fma(y3, a13);
      a20 = w2.fma(y0, a20); a21 = w2.fma(y1, a21); a22 = w2.fma(y2, a22); a23 = w2.fma(y3, a23);
      a30 = w3.fma(y0, a30); a31 = w3.fma(y1, a31); a32 = w3.fma(y2, a32); a33 = w3.fma(y3, a33);
    }
    addInto(a, (r + 0) * kp + c + 0 * L, a00);
    addInto(a, (r + 0) * kp + c + 1 * L, a01);
    addInto(a, (r + 0) * kp + c + 2 * L, a02);
    addInto(a, (r + 0) * kp + c + 3 * L, a03);
    addInto(a, (r + 1) * kp + c + 0 * L, a10);
    addInto(a, (r + 1) * kp + c + 1 * L, a11);
    addInto(a, (r + 1) * kp + c + 2 * L, a12);
    addInto(a, (r + 1) * kp + c + 3 * L, a13);
    addInto(a, (r + 2) * kp + c + 0 * L, a20);
    addInto(a, (r + 2) * kp + c + 1 * L, a21);
    addInto(a, (r + 2) * kp + c + 2 * L, a22);
    addInto(a, (r + 2) * kp + c + 3 * L, a23);
    addInto(a, (r + 3) * kp + c + 0 * L, a30);
    addInto(a, (r + 3) * kp + c + 1 * L, a31);
    addInto(a, (r + 3) * kp + c + 2 * L, a32);
    addInto(a, (r + 3) * kp + c + 3 * L, a33);
  }

  /** A[r..r+3][c .. c+2·L) += Σ_j wrows_j[r..r+3] ⊗ rows_j[c .. c+2·L), in registers. */
  private static void tile4x2(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int r, int c) {
    FloatVector a00 = FloatVector.zero(F); FloatVector a01 = FloatVector.zero(F);
    FloatVector a10 = FloatVector.zero(F); FloatVector a11 = FloatVector.zero(F);
    FloatVector a20 = FloatVector.zero(F); FloatVector a21 = FloatVector.zero(F);
    FloatVector a30 = FloatVector.zero(F); FloatVector a31 = FloatVector.zero(F);
    for (int j = 0, p = ro + c, q = wo + r; j < count; j++, p += kp, q += kp) {
      FloatVector y0 = FloatVector.fromArray(F, rows, p);
      FloatVector y1 = FloatVector.fromArray(F, rows, p + 1 * L);
      FloatVector w0 = FloatVector.broadcast(F, wrows[q]);
      FloatVector w1 = FloatVector.broadcast(F, wrows[q + 1]);
      FloatVector w2 = FloatVector.broadcast(F, wrows[q + 2]);
      FloatVector w3 = FloatVector.broadcast(F, wrows[q + 3]);
      a00 = w0.fma(y0, a00); a01 = w0.fma(y1, a01);
      a10 = w1.fma(y0, a10); a11 = w1.fma(y1, a11);
      a20 = w2.fma(y0, a20); a21 = w2.fma(y1, a21);
      a30 = w3.fma(y0, a30); a31 = w3.fma(y1, a31);
    }
    addInto(a, (r + 0) * kp + c + 0 * L, a00);
    addInto(a, (r + 0) * kp + c + 1 * L, a01);
    addInto(a, (r + 1) * kp + c + 0 * L, a10);
    addInto(a, (r + 1) * kp + c + 1 * L, a11);
    addInto(a, (r + 2) * kp + c + 0 * L, a20);
    addInto(a, (r + 2) * kp + c + 1 * L, a21);
    addInto(a, (r + 3) * kp + c + 0 * L, a30);
    addInto(a, (r + 3) * kp + c + 1 * L, a31);
  }

  /** A[r..r+3][c .. c+1·L) += Σ_j wrows_j[r..r+3] ⊗ rows_j[c .. c+1·L), in registers. */
  private static void tile4x1(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int r, int c) {
    FloatVector a00 = FloatVector.zero(F);
    FloatVector a10 = FloatVector.zero(F);
    FloatVector a20 = FloatVector.zero(F);
    FloatVector a30 = FloatVector.zero(F);
    for (int j = 0, p = ro + c, q = wo + r; j < count; j++, p += kp, q += kp) {
      FloatVector y0 = FloatVector.fromArray(F, rows, p);
      FloatVector w0 = FloatVector.broadcast(F, wrows[q]);
      FloatVector w1 = FloatVector.broadcast(F, wrows[q + 1]);
      FloatVector w2 = FloatVector.broadcast(F, wrows[q + 2]);
      FloatVector w3 = FloatVector.broadcast(F, wrows[q + 3]);
      a00 = w0.fma(y0, a00);
      a10 = w1.fma(y0, a10);
      a20 = w2.fma(y0, a20);
      a30 = w3.fma(y0, a30);
    }
    addInto(a, (r + 0) * kp + c + 0 * L, a00);
    addInto(a, (r + 1) * kp + c + 0 * L, a10);
    addInto(a, (r + 2) * kp + c + 0 * L, a20);
    addInto(a, (r + 3) * kp + c + 0 * L, a30);
  }
}
