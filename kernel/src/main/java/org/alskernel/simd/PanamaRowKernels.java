package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels over a set of rows and one vector: dot products, axpy, the products of many rows with a
 * vector ({@link VectorOps#rowDots}), their combinations ({@link VectorOps#addRowCombination}), and
 * the one-pass packing of a build's gathered rows ({@link VectorOps#packWeighted}).
 */
final class PanamaRowKernels {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();
  // rowDots' four-row fold: the lanes with bit h set, and i -> i ^ h, for h = L/2 and L/4 (L ≥ 4).
  private static final VectorMask<Float> HALF = lanesWithBit(L / 2);
  private static final VectorMask<Float> QUARTER = lanesWithBit(L / 4);
  private static final VectorShuffle<Float> SWAP_HALVES = VectorShuffle.fromOp(F, i -> (i ^ (L / 2)) % L);
  private static final VectorShuffle<Float> SWAP_QUARTERS = VectorShuffle.fromOp(F, i -> (i ^ (L / 4)) % L);
  // rowDots' four sums, left in lanes 0, L/2, L/4 and 3L/4, moved to lanes 0 to 3 for one store.
  private static final VectorShuffle<Float> FOUR_SUMS = VectorShuffle.fromOp(F, i -> sumLane(i) % L);
  private static final VectorMask<Float> FIRST_FOUR = VectorMask.fromLong(F, 0b1111);

  private PanamaRowKernels() {}

  private static VectorMask<Float> lanesWithBit(int h) {
    boolean[] set = new boolean[L];
    for (int i = 0; i < L; i++) {
      set[i] = h > 0 && (i & h) != 0;
    }
    return VectorMask.fromArray(F, set, 0);
  }

  /** The lane where rowDots' fold leaves row i's sum (i < 4). */
  private static int sumLane(int i) {
    return switch (i) {
      case 0 -> 0;
      case 1 -> L / 2;
      case 2 -> L / 4;
      case 3 -> 3 * L / 4;
      default -> i;
    };
  }

  static float dot(float[] a, int ao, float[] b, int bo, int n) {
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
      sum = PanamaLanes.sumLanes(s0.add(s1));
    }
    for (; i < n; i++) {
      sum += a[ao + i] * b[bo + i];
    }
    return sum;
  }

  static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
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
   * Rows go 4 at a time, sharing each load of x and running four independent FMA chains; their
   * horizontal sums are folded together: two blend-blend-shuffle-add levels leave each row's partial
   * sums in a quarter of the lanes, and rotating adds finish them (about five vector operations a row
   * instead of a whole horizontal sum each, with 16 lanes). Each row's sum is the same tree of adds
   * whichever place of its group it takes (float addition commutes), so a row's dot does not depend
   * on its neighbours in the list. The fold is written out here rather than in helper methods: a
   * helper taking or returning vectors that C2 did not inline (it happened inside a caller's large
   * compiled method) boxed them, 300 bytes per row. (A 16-row fold, one vector of 16 sums, boxed the
   * same way.)
   */
  static void rowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x, float[] out) {
    if (L < 4 || L > 16) { // the fold's rotations cover 4 to 16 lanes
      for (int j = 0; j < count; j++) {
        out[j] = rowDot(data, base + rows[from + j] * kp, x, kp);
      }
    } else if (kp == 2 * L || kp == 4 * L || kp == 8 * L) {
      shortRowDots(data, base, rows, from, count, kp, x, out);
    } else {
      longRowDots(data, base, rows, from, count, kp, x, out);
    }
  }

  /**
   * {@link #rowDots} for rows of two, four or eight vectors (k = 32, 64 and 128 with 16 lanes): x in
   * registers and the FMAs written out (the same ones, in the same order, as {@link #longRowDots}'),
   * without the column loop's set-up for every group, and four sums stored at once. (Both kinds in
   * one loop made rows of eight and sixteen vectors about 7% slower.)
   */
  private static void shortRowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x,
      float[] out) {
    boolean two = kp == 2 * L;
    boolean eight = kp == 8 * L;
    FloatVector zero = FloatVector.zero(F);
    FloatVector x0 = FloatVector.fromArray(F, x, 0);
    FloatVector x1 = FloatVector.fromArray(F, x, L);
    FloatVector x2 = two ? zero : FloatVector.fromArray(F, x, 2 * L);
    FloatVector x3 = two ? zero : FloatVector.fromArray(F, x, 3 * L);
    FloatVector x4 = eight ? FloatVector.fromArray(F, x, 4 * L) : zero;
    FloatVector x5 = eight ? FloatVector.fromArray(F, x, 5 * L) : zero;
    FloatVector x6 = eight ? FloatVector.fromArray(F, x, 6 * L) : zero;
    FloatVector x7 = eight ? FloatVector.fromArray(F, x, 7 * L) : zero;
    for (int j = 0; j < count; j += 4) {
      // A last group of one to three rows repeats its first row in the missing places, so every
      // row takes this path (alone, a row's FMAs form one dependent chain).
      int f = from + j;
      int o0 = base + rows[f] * kp;
      int o1 = j + 1 < count ? base + rows[f + 1] * kp : o0;
      int o2 = j + 2 < count ? base + rows[f + 2] * kp : o0;
      int o3 = j + 3 < count ? base + rows[f + 3] * kp : o0;
      FloatVector s0 = FloatVector.fromArray(F, data, o0).mul(x0);
      FloatVector s1 = FloatVector.fromArray(F, data, o1).mul(x0);
      FloatVector s2 = FloatVector.fromArray(F, data, o2).mul(x0);
      FloatVector s3 = FloatVector.fromArray(F, data, o3).mul(x0);
      s0 = FloatVector.fromArray(F, data, o0 + L).fma(x1, s0);
      s1 = FloatVector.fromArray(F, data, o1 + L).fma(x1, s1);
      s2 = FloatVector.fromArray(F, data, o2 + L).fma(x1, s2);
      s3 = FloatVector.fromArray(F, data, o3 + L).fma(x1, s3);
      if (!two) {
        s0 = FloatVector.fromArray(F, data, o0 + 2 * L).fma(x2, s0);
        s1 = FloatVector.fromArray(F, data, o1 + 2 * L).fma(x2, s1);
        s2 = FloatVector.fromArray(F, data, o2 + 2 * L).fma(x2, s2);
        s3 = FloatVector.fromArray(F, data, o3 + 2 * L).fma(x2, s3);
        s0 = FloatVector.fromArray(F, data, o0 + 3 * L).fma(x3, s0);
        s1 = FloatVector.fromArray(F, data, o1 + 3 * L).fma(x3, s1);
        s2 = FloatVector.fromArray(F, data, o2 + 3 * L).fma(x3, s2);
        s3 = FloatVector.fromArray(F, data, o3 + 3 * L).fma(x3, s3);
        if (eight) {
          s0 = FloatVector.fromArray(F, data, o0 + 4 * L).fma(x4, s0);
          s1 = FloatVector.fromArray(F, data, o1 + 4 * L).fma(x4, s1);
          s2 = FloatVector.fromArray(F, data, o2 + 4 * L).fma(x4, s2);
          s3 = FloatVector.fromArray(F, data, o3 + 4 * L).fma(x4, s3);
          s0 = FloatVector.fromArray(F, data, o0 + 5 * L).fma(x5, s0);
          s1 = FloatVector.fromArray(F, data, o1 + 5 * L).fma(x5, s1);
          s2 = FloatVector.fromArray(F, data, o2 + 5 * L).fma(x5, s2);
          s3 = FloatVector.fromArray(F, data, o3 + 5 * L).fma(x5, s3);
          s0 = FloatVector.fromArray(F, data, o0 + 6 * L).fma(x6, s0);
          s1 = FloatVector.fromArray(F, data, o1 + 6 * L).fma(x6, s1);
          s2 = FloatVector.fromArray(F, data, o2 + 6 * L).fma(x6, s2);
          s3 = FloatVector.fromArray(F, data, o3 + 6 * L).fma(x6, s3);
          s0 = FloatVector.fromArray(F, data, o0 + 7 * L).fma(x7, s0);
          s1 = FloatVector.fromArray(F, data, o1 + 7 * L).fma(x7, s1);
          s2 = FloatVector.fromArray(F, data, o2 + 7 * L).fma(x7, s2);
          s3 = FloatVector.fromArray(F, data, o3 + 7 * L).fma(x7, s3);
        }
      }
      // Fold: lanes i with bit h clear get a[i] + a[i ^ h], the others b[i] + b[i ^ h] (h = L/2,
      // then L/4), leaving rows 0, 1, 2, 3's partial sums in the lanes whose two top bits are 00,
      // 10, 01, 11; rotating adds by L/8, …, 1 finish them in lanes 0, L/2, L/4 and 3L/4.
      FloatVector f01 = s0.blend(s1, HALF).add(s1.blend(s0, HALF).rearrange(SWAP_HALVES));
      FloatVector f23 = s2.blend(s3, HALF).add(s3.blend(s2, HALF).rearrange(SWAP_HALVES));
      FloatVector q = f01.blend(f23, QUARTER).add(f23.blend(f01, QUARTER).rearrange(SWAP_QUARTERS));
      if (L >= 16) q = q.add(q.rearrange(PanamaLanes.ROTATE_2));
      if (L >= 8) q = q.add(q.rearrange(PanamaLanes.ROTATE_1));
      if (j + 3 < count) {
        q.rearrange(FOUR_SUMS).intoArray(out, j, FIRST_FOUR);
      } else { // a mask made for the last rows would be allocated
        out[j] = q.lane(0);
        if (j + 1 < count) out[j + 1] = q.lane(L / 2);
        if (j + 2 < count) out[j + 2] = q.lane(L / 4);
      }
    }
  }

  /** {@link #rowDots} for rows of any number of vectors, x read with each column. */
  private static void longRowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x,
      float[] out) {
    for (int j = 0; j < count; j += 4) {
      // A last group of one to three rows repeats its first row in the missing places, so every
      // row takes this path (alone, a row's FMAs form one dependent chain).
      int f = from + j;
      int o0 = base + rows[f] * kp;
      int o1 = j + 1 < count ? base + rows[f + 1] * kp : o0;
      int o2 = j + 2 < count ? base + rows[f + 2] * kp : o0;
      int o3 = j + 3 < count ? base + rows[f + 3] * kp : o0;
      FloatVector x0 = FloatVector.fromArray(F, x, 0);
      FloatVector s0 = FloatVector.fromArray(F, data, o0).mul(x0);
      FloatVector s1 = FloatVector.fromArray(F, data, o1).mul(x0);
      FloatVector s2 = FloatVector.fromArray(F, data, o2).mul(x0);
      FloatVector s3 = FloatVector.fromArray(F, data, o3).mul(x0);
      for (int c = L; c < kp; c += L) {
        FloatVector xc = FloatVector.fromArray(F, x, c);
        s0 = FloatVector.fromArray(F, data, o0 + c).fma(xc, s0);
        s1 = FloatVector.fromArray(F, data, o1 + c).fma(xc, s1);
        s2 = FloatVector.fromArray(F, data, o2 + c).fma(xc, s2);
        s3 = FloatVector.fromArray(F, data, o3 + c).fma(xc, s3);
      }
      // Fold: lanes i with bit h clear get a[i] + a[i ^ h], the others b[i] + b[i ^ h] (h = L/2,
      // then L/4), leaving rows 0, 1, 2, 3's partial sums in the lanes whose two top bits are 00,
      // 10, 01, 11; rotating adds by L/8, …, 1 finish them in lanes 0, L/2, L/4 and 3L/4.
      FloatVector f01 = s0.blend(s1, HALF).add(s1.blend(s0, HALF).rearrange(SWAP_HALVES));
      FloatVector f23 = s2.blend(s3, HALF).add(s3.blend(s2, HALF).rearrange(SWAP_HALVES));
      FloatVector q = f01.blend(f23, QUARTER).add(f23.blend(f01, QUARTER).rearrange(SWAP_QUARTERS));
      if (L >= 16) q = q.add(q.rearrange(PanamaLanes.ROTATE_2));
      if (L >= 8) q = q.add(q.rearrange(PanamaLanes.ROTATE_1));
      out[j] = q.lane(0);
      if (j + 3 < count) {
        out[j + 1] = q.lane(L / 2);
        out[j + 2] = q.lane(L / 4);
        out[j + 3] = q.lane(3 * L / 4);
      } else {
        if (j + 1 < count) out[j + 1] = q.lane(L / 2);
        if (j + 2 < count) out[j + 2] = q.lane(L / 4);
      }
    }
  }

  /** One row's product with x; a float, not a vector, crosses the call. */
  private static float rowDot(float[] data, int o, float[] x, int kp) {
    FloatVector s = FloatVector.fromArray(F, data, o).mul(FloatVector.fromArray(F, x, 0));
    for (int c = L; c < kp; c += L) {
      s = FloatVector.fromArray(F, data, o + c).fma(FloatVector.fromArray(F, x, c), s);
    }
    return PanamaLanes.sumLanes(s);
  }

  /**
   * Eight vectors of the accumulator at a time stay in registers while all rows go by: eight
   * independent FMA chains cover the FMA's 4 cycles of latency on two pipes, and each row's index and
   * coefficient are loaded once for eight vectors. Fewer vectors keep more sets of accumulators
   * (even and odd rows for four, four sets for two and one) added at the end, for the same reason.
   * Each kernel adds {@code base + c} once: the JIT had reloaded both from the stack for every row.
   */
  static void addRowCombination(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc) {
    int c = 0;
    for (; c + 8 * L <= kp; c += 8 * L) {
      combine8(data, base, rows, from, count, kp, coef, acc, c);
    }
    for (; c + 4 * L <= kp; c += 4 * L) {
      combine4(data, base, rows, from, count, kp, coef, acc, c);
    }
    for (; c + 2 * L <= kp; c += 2 * L) {
      combine2(data, base, rows, from, count, kp, coef, acc, c);
    }
    for (; c < kp; c += L) {
      combine1(data, base, rows, from, count, kp, coef, acc, c);
    }
  }

  /**
   * acc[c .. c + 8L) += Σ_j coef[j]·row_j[c .. c + 8L): one set of eight accumulators, whose eight
   * independent chains keep both FMA pipes busy, each row's index and coefficient loaded once.
   */
  private static void combine8(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
    int start = base + c;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = FloatVector.zero(F);
    FloatVector a2 = FloatVector.zero(F);
    FloatVector a3 = FloatVector.zero(F);
    FloatVector a4 = FloatVector.zero(F);
    FloatVector a5 = FloatVector.zero(F);
    FloatVector a6 = FloatVector.zero(F);
    FloatVector a7 = FloatVector.zero(F);
    for (int j = 0; j < count; j++) {
      int o = start + rows[from + j] * kp;
      FloatVector w = FloatVector.broadcast(F, coef[j]);
      a0 = w.fma(FloatVector.fromArray(F, data, o), a0);
      a1 = w.fma(FloatVector.fromArray(F, data, o + L), a1);
      a2 = w.fma(FloatVector.fromArray(F, data, o + 2 * L), a2);
      a3 = w.fma(FloatVector.fromArray(F, data, o + 3 * L), a3);
      a4 = w.fma(FloatVector.fromArray(F, data, o + 4 * L), a4);
      a5 = w.fma(FloatVector.fromArray(F, data, o + 5 * L), a5);
      a6 = w.fma(FloatVector.fromArray(F, data, o + 6 * L), a6);
      a7 = w.fma(FloatVector.fromArray(F, data, o + 7 * L), a7);
    }
    PanamaLanes.addInto(acc, c, a0);
    PanamaLanes.addInto(acc, c + L, a1);
    PanamaLanes.addInto(acc, c + 2 * L, a2);
    PanamaLanes.addInto(acc, c + 3 * L, a3);
    PanamaLanes.addInto(acc, c + 4 * L, a4);
    PanamaLanes.addInto(acc, c + 5 * L, a5);
    PanamaLanes.addInto(acc, c + 6 * L, a6);
    PanamaLanes.addInto(acc, c + 7 * L, a7);
  }

  /** acc[c .. c + 4L) += Σ_j coef[j]·row_j[c .. c + 4L). */
  private static void combine4(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
    int start = base + c;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = FloatVector.zero(F);
    FloatVector a2 = FloatVector.zero(F);
    FloatVector a3 = FloatVector.zero(F);
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = FloatVector.zero(F);
    FloatVector b2 = FloatVector.zero(F);
    FloatVector b3 = FloatVector.zero(F);
    int j = 0;
    for (; j + 1 < count; j += 2) {
      int o = start + rows[from + j] * kp;
      int p = start + rows[from + j + 1] * kp;
      FloatVector w = FloatVector.broadcast(F, coef[j]);
      FloatVector v = FloatVector.broadcast(F, coef[j + 1]);
      a0 = w.fma(FloatVector.fromArray(F, data, o), a0);
      a1 = w.fma(FloatVector.fromArray(F, data, o + L), a1);
      a2 = w.fma(FloatVector.fromArray(F, data, o + 2 * L), a2);
      a3 = w.fma(FloatVector.fromArray(F, data, o + 3 * L), a3);
      b0 = v.fma(FloatVector.fromArray(F, data, p), b0);
      b1 = v.fma(FloatVector.fromArray(F, data, p + L), b1);
      b2 = v.fma(FloatVector.fromArray(F, data, p + 2 * L), b2);
      b3 = v.fma(FloatVector.fromArray(F, data, p + 3 * L), b3);
    }
    if (j < count) {
      int o = start + rows[from + j] * kp;
      FloatVector w = FloatVector.broadcast(F, coef[j]);
      a0 = w.fma(FloatVector.fromArray(F, data, o), a0);
      a1 = w.fma(FloatVector.fromArray(F, data, o + L), a1);
      a2 = w.fma(FloatVector.fromArray(F, data, o + 2 * L), a2);
      a3 = w.fma(FloatVector.fromArray(F, data, o + 3 * L), a3);
    }
    PanamaLanes.addInto(acc, c, a0.add(b0));
    PanamaLanes.addInto(acc, c + L, a1.add(b1));
    PanamaLanes.addInto(acc, c + 2 * L, a2.add(b2));
    PanamaLanes.addInto(acc, c + 3 * L, a3.add(b3));
  }

  /**
   * acc[c .. c + 2L) += Σ_j coef[j]·row_j[c .. c + 2L): {@link #combine1}'s four sets for each of
   * the two vectors (the same sums), sharing each row's index and coefficient.
   */
  private static void combine2(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
    int start = base + c;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = FloatVector.zero(F);
    FloatVector a2 = FloatVector.zero(F);
    FloatVector a3 = FloatVector.zero(F);
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = FloatVector.zero(F);
    FloatVector b2 = FloatVector.zero(F);
    FloatVector b3 = FloatVector.zero(F);
    int j = 0;
    for (; j + 3 < count; j += 4) {
      int o0 = start + rows[from + j] * kp;
      int o1 = start + rows[from + j + 1] * kp;
      int o2 = start + rows[from + j + 2] * kp;
      int o3 = start + rows[from + j + 3] * kp;
      FloatVector w0 = FloatVector.broadcast(F, coef[j]);
      FloatVector w1 = FloatVector.broadcast(F, coef[j + 1]);
      FloatVector w2 = FloatVector.broadcast(F, coef[j + 2]);
      FloatVector w3 = FloatVector.broadcast(F, coef[j + 3]);
      a0 = w0.fma(FloatVector.fromArray(F, data, o0), a0);
      b0 = w0.fma(FloatVector.fromArray(F, data, o0 + L), b0);
      a1 = w1.fma(FloatVector.fromArray(F, data, o1), a1);
      b1 = w1.fma(FloatVector.fromArray(F, data, o1 + L), b1);
      a2 = w2.fma(FloatVector.fromArray(F, data, o2), a2);
      b2 = w2.fma(FloatVector.fromArray(F, data, o2 + L), b2);
      a3 = w3.fma(FloatVector.fromArray(F, data, o3), a3);
      b3 = w3.fma(FloatVector.fromArray(F, data, o3 + L), b3);
    }
    for (; j < count; j++) {
      int o = start + rows[from + j] * kp;
      FloatVector w = FloatVector.broadcast(F, coef[j]);
      a0 = w.fma(FloatVector.fromArray(F, data, o), a0);
      b0 = w.fma(FloatVector.fromArray(F, data, o + L), b0);
    }
    PanamaLanes.addInto(acc, c, a0.add(a1).add(a2.add(a3)));
    PanamaLanes.addInto(acc, c + L, b0.add(b1).add(b2.add(b3)));
  }

  /** acc[c .. c + L) += Σ_j coef[j]·row_j[c .. c + L). */
  private static void combine1(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
    int start = base + c;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = FloatVector.zero(F);
    FloatVector a2 = FloatVector.zero(F);
    FloatVector a3 = FloatVector.zero(F);
    int j = 0;
    for (; j + 3 < count; j += 4) {
      a0 = FloatVector.broadcast(F, coef[j]).fma(FloatVector.fromArray(F, data, start + rows[from + j] * kp), a0);
      a1 = FloatVector.broadcast(F, coef[j + 1]).fma(FloatVector.fromArray(F, data, start + rows[from + j + 1] * kp), a1);
      a2 = FloatVector.broadcast(F, coef[j + 2]).fma(FloatVector.fromArray(F, data, start + rows[from + j + 2] * kp), a2);
      a3 = FloatVector.broadcast(F, coef[j + 3]).fma(FloatVector.fromArray(F, data, start + rows[from + j + 3] * kp), a3);
    }
    for (; j < count; j++) {
      a0 = FloatVector.broadcast(F, coef[j]).fma(FloatVector.fromArray(F, data, start + rows[from + j] * kp), a0);
    }
    PanamaLanes.addInto(acc, c, a0.add(a1).add(a2.add(a3)));
  }

  /**
   * One load per vector of each gathered row, two stores and a multiply and an FMA on it; b stays in
   * registers for rows of up to four vectors (k ≤ 64 on AVX-512).
   */
  static void packWeighted(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bo) {
    for (int c = 0; c < kp; c += 4 * L) {
      int width = Math.min(4 * L, kp - c);
      if (width == 4 * L) {
        pack4(data, base, rows, from, count, kp, w, t, packed, po, weighted, wo, b, bo + c, c);
      } else {
        for (int v = c; v < kp; v += L) {
          pack1(data, base, rows, from, count, kp, w, t, packed, po, weighted, wo, b, bo + v, v);
        }
      }
    }
  }

  /** packWeighted for columns [c, c + 4L); b's part of them starts at b[bc]. */
  private static void pack4(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bc, int c) {
    FloatVector b0 = FloatVector.fromArray(F, b, bc);
    FloatVector b1 = FloatVector.fromArray(F, b, bc + L);
    FloatVector b2 = FloatVector.fromArray(F, b, bc + 2 * L);
    FloatVector b3 = FloatVector.fromArray(F, b, bc + 3 * L);
    for (int j = 0; j < count; j++) {
      int src = base + rows[from + j] * kp + c;
      int dst = j * kp + c;
      FloatVector wj = FloatVector.broadcast(F, w[j]);
      FloatVector tj = FloatVector.broadcast(F, t[j]);
      FloatVector y0 = FloatVector.fromArray(F, data, src);
      FloatVector y1 = FloatVector.fromArray(F, data, src + L);
      FloatVector y2 = FloatVector.fromArray(F, data, src + 2 * L);
      FloatVector y3 = FloatVector.fromArray(F, data, src + 3 * L);
      y0.intoArray(packed, po + dst);
      y1.intoArray(packed, po + dst + L);
      y2.intoArray(packed, po + dst + 2 * L);
      y3.intoArray(packed, po + dst + 3 * L);
      y0.mul(wj).intoArray(weighted, wo + dst);
      y1.mul(wj).intoArray(weighted, wo + dst + L);
      y2.mul(wj).intoArray(weighted, wo + dst + 2 * L);
      y3.mul(wj).intoArray(weighted, wo + dst + 3 * L);
      b0 = tj.fma(y0, b0);
      b1 = tj.fma(y1, b1);
      b2 = tj.fma(y2, b2);
      b3 = tj.fma(y3, b3);
    }
    b0.intoArray(b, bc);
    b1.intoArray(b, bc + L);
    b2.intoArray(b, bc + 2 * L);
    b3.intoArray(b, bc + 3 * L);
  }

  /** packWeighted for columns [c, c + L); b's part of them starts at b[bc]. */
  private static void pack1(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bc, int c) {
    FloatVector b0 = FloatVector.fromArray(F, b, bc);
    for (int j = 0; j < count; j++) {
      int src = base + rows[from + j] * kp + c;
      int dst = j * kp + c;
      FloatVector y0 = FloatVector.fromArray(F, data, src);
      y0.intoArray(packed, po + dst);
      y0.mul(w[j]).intoArray(weighted, wo + dst);
      b0 = FloatVector.broadcast(F, t[j]).fma(y0, b0);
    }
    b0.intoArray(b, bc);
  }
}
