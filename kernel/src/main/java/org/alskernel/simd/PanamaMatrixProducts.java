package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorOps#symmetricProducts}: a kp×kp matrix times several vectors, two at a time. A tile
 * of two vectors × four column vectors keeps eight accumulators in registers (sixteen make C2 spill
 * them to the heap), so each row of the matrix is loaded once for both vectors; a vector left over
 * goes alone with the same sequence of FMAs per column, so every product is the same bit for bit
 * whichever vectors it was computed with.
 */
final class PanamaMatrixProducts {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  private PanamaMatrixProducts() {}

  static void symmetricProducts(float[] m, int kp, int d, float[] v, int vo, int count, float[] out,
      int oo) {
    int b = 0;
    for (; b + 2 <= count; b += 2) {
      two(m, kp, d, v, vo + b * kp, out, oo + b * kp);
    }
    for (; b < count; b++) {
      one(m, kp, d, v, vo + b * kp, out, oo + b * kp);
    }
  }

  private static void two(float[] m, int kp, int d, float[] v, int vo, float[] out, int oo) {
    int c = 0;
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
