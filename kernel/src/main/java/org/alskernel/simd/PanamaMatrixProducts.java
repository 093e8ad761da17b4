package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorOps#symmetricProducts}: a kp×kp matrix times several vectors, four or two at a time.
 * Eight accumulators stay in registers (sixteen make C2 spill them to the heap): a tile of four
 * vectors × two column vectors loads each stretch of a matrix row once for four vectors, a tile of
 * two vectors × four column vectors once for two. Vectors left over go alone. Every column of every
 * product is the same chain of FMAs from zero in row order, so a product is the same bit for bit
 * whichever vectors it was computed with.
 */
final class PanamaMatrixProducts {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  private PanamaMatrixProducts() {}

  static void symmetricProducts(float[] m, int kp, int d, float[] v, int vo, int count, float[] out,
      int oo) {
    int quads = count / 4 * 4;
    int c = 0;
    for (; c + 2 * L <= kp; c += 2 * L) { // a strip of the matrix stays in L1 for all the quads
      for (int b = 0; b < quads; b += 4) {
        four(m, kp, d, v, vo + b * kp, out, oo + b * kp, c);
      }
    }
    if (c < kp) { // one column vector left
      for (int b = 0; b < quads; b += 2) {
        two(m, kp, d, v, vo + b * kp, out, oo + b * kp, c);
      }
    }
    int b = quads;
    for (; b + 2 <= count; b += 2) {
      two(m, kp, d, v, vo + b * kp, out, oo + b * kp, 0);
    }
    for (; b < count; b++) {
      one(m, kp, d, v, vo + b * kp, out, oo + b * kp);
    }
  }

  /** Four vectors' products, columns [c, c + 2L). */
  private static void four(float[] m, int kp, int d, float[] v, int vo, float[] out, int oo, int c) {
    FloatVector a00 = FloatVector.zero(F);
    FloatVector a01 = FloatVector.zero(F);
    FloatVector a10 = FloatVector.zero(F);
    FloatVector a11 = FloatVector.zero(F);
    FloatVector a20 = FloatVector.zero(F);
    FloatVector a21 = FloatVector.zero(F);
    FloatVector a30 = FloatVector.zero(F);
    FloatVector a31 = FloatVector.zero(F);
    for (int i = 0, row = c; i < d; i++, row += kp) {
      FloatVector g0 = FloatVector.fromArray(F, m, row);
      FloatVector g1 = FloatVector.fromArray(F, m, row + L);
      FloatVector s0 = FloatVector.broadcast(F, v[vo + i]);
      a00 = s0.fma(g0, a00);
      a01 = s0.fma(g1, a01);
      FloatVector s1 = FloatVector.broadcast(F, v[vo + kp + i]);
      a10 = s1.fma(g0, a10);
      a11 = s1.fma(g1, a11);
      FloatVector s2 = FloatVector.broadcast(F, v[vo + 2 * kp + i]);
      a20 = s2.fma(g0, a20);
      a21 = s2.fma(g1, a21);
      FloatVector s3 = FloatVector.broadcast(F, v[vo + 3 * kp + i]);
      a30 = s3.fma(g0, a30);
      a31 = s3.fma(g1, a31);
    }
    a00.intoArray(out, oo + c);
    a01.intoArray(out, oo + c + L);
    a10.intoArray(out, oo + kp + c);
    a11.intoArray(out, oo + kp + c + L);
    a20.intoArray(out, oo + 2 * kp + c);
    a21.intoArray(out, oo + 2 * kp + c + L);
    a30.intoArray(out, oo + 3 * kp + c);
    a31.intoArray(out, oo + 3 * kp + c + L);
  }

  /** Two vectors' products, columns [from, kp). */
  private static void two(float[] m, int kp, int d, float[] v, int vo, float[] out, int oo,
      int from) {
    int c = from;
    for (; c + 4 * L <= kp; c += 4 * L) {
      FloatVector a00 = FloatVector.zero(F);
      FloatVector a01 = FloatVector.zero(F);
      FloatVector a02 = FloatVector.zero(F);
      FloatVector a03 = FloatVector.zero(F);
      FloatVector a10 = FloatVector.zero(F);
      FloatVector a11 = FloatVector.zero(F);
      FloatVector a12 = FloatVector.zero(F);
      FloatVector a13 = FloatVector.zero(F);
      for (int i = 0, row = c; i < d; i++, row += kp) {
        FloatVector g0 = FloatVector.fromArray(F, m, row);
        FloatVector g1 = FloatVector.fromArray(F, m, row + L);
        FloatVector g2 = FloatVector.fromArray(F, m, row + 2 * L);
        FloatVector g3 = FloatVector.fromArray(F, m, row + 3 * L);
        FloatVector s0 = FloatVector.broadcast(F, v[vo + i]);
        a00 = s0.fma(g0, a00);
        a01 = s0.fma(g1, a01);
        a02 = s0.fma(g2, a02);
        a03 = s0.fma(g3, a03);
        FloatVector s1 = FloatVector.broadcast(F, v[vo + kp + i]);
        a10 = s1.fma(g0, a10);
        a11 = s1.fma(g1, a11);
        a12 = s1.fma(g2, a12);
        a13 = s1.fma(g3, a13);
      }
      a00.intoArray(out, oo + c);
      a01.intoArray(out, oo + c + L);
      a02.intoArray(out, oo + c + 2 * L);
      a03.intoArray(out, oo + c + 3 * L);
      a10.intoArray(out, oo + kp + c);
      a11.intoArray(out, oo + kp + c + L);
      a12.intoArray(out, oo + kp + c + 2 * L);
      a13.intoArray(out, oo + kp + c + 3 * L);
    }
    for (; c < kp; c += L) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = FloatVector.zero(F);
      for (int i = 0, row = c; i < d; i++, row += kp) {
        FloatVector g = FloatVector.fromArray(F, m, row);
        a0 = FloatVector.broadcast(F, v[vo + i]).fma(g, a0);
        a1 = FloatVector.broadcast(F, v[vo + kp + i]).fma(g, a1);
      }
      a0.intoArray(out, oo + c);
      a1.intoArray(out, oo + kp + c);
    }
  }

  private static void one(float[] m, int kp, int d, float[] v, int vo, float[] out, int oo) {
    int c = 0;
    for (; c + 2 * L <= kp; c += 2 * L) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = FloatVector.zero(F);
      for (int i = 0, row = c; i < d; i++, row += kp) {
        FloatVector s = FloatVector.broadcast(F, v[vo + i]);
        a0 = s.fma(FloatVector.fromArray(F, m, row), a0);
        a1 = s.fma(FloatVector.fromArray(F, m, row + L), a1);
      }
      a0.intoArray(out, oo + c);
      a1.intoArray(out, oo + c + L);
    }
    for (; c < kp; c += L) {
      FloatVector a0 = FloatVector.zero(F);
      for (int i = 0, row = c; i < d; i++, row += kp) {
        a0 = FloatVector.broadcast(F, v[vo + i]).fma(FloatVector.fromArray(F, m, row), a0);
      }
      a0.intoArray(out, oo + c);
    }
  }
}
