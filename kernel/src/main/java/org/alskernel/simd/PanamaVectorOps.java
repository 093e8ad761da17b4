package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API implementation. The species lives in a {@code static final} field: passed around as
 * a value it is not intrinsified and every call allocates. Loaded only after {@link VectorOpsProvider}
 * has checked that jdk.incubator.vector is readable.
 */
final class PanamaVectorOps implements VectorOps {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int L = F.length();
  // Lane rotations for a horizontal sum in a fixed order (see sumLanes).
  private static final VectorShuffle<Float> ROTATE_8 = VectorShuffle.fromOp(F, i -> (i + 8) % L);
  private static final VectorShuffle<Float> ROTATE_4 = VectorShuffle.fromOp(F, i -> (i + 4) % L);
  private static final VectorShuffle<Float> ROTATE_2 = VectorShuffle.fromOp(F, i -> (i + 2) % L);
  private static final VectorShuffle<Float> ROTATE_1 = VectorShuffle.fromOp(F, i -> (i + 1) % L);
  // The levels of rowDots' fold (used only when L == 16): lanes with bit h set, and i -> i ^ h.
  private static final VectorMask<Float> M8 = VectorMask.fromLong(F, 0xFF00L);
  private static final VectorMask<Float> M4 = VectorMask.fromLong(F, 0xF0F0L);
  private static final VectorShuffle<Float> X8 = VectorShuffle.fromOp(F, i -> (i ^ 8) % L);
  private static final VectorShuffle<Float> X4 = VectorShuffle.fromOp(F, i -> (i ^ 4) % L);
  // Two-vector selections for the tile transpose (see transpose16): stage d swaps bit d of the row
  // index with bit d of the lane index.
  private static final FloatVector LO_1 = swapBit(1, false), HI_1 = swapBit(1, true);
  private static final FloatVector LO_2 = swapBit(2, false), HI_2 = swapBit(2, true);
  private static final FloatVector LO_4 = swapBit(4, false), HI_4 = swapBit(4, true);
  private static final FloatVector LO_8 = swapBit(8, false), HI_8 = swapBit(8, true);

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
   * With 16 lanes, rows go 4 at a time, sharing each load of x and running four independent FMA
   * chains; their vectors of partial sums are folded pairwise (see {@link #fold8}) into one vector
   * holding each row's sum in a quarter, which two rotating adds finish. A row then costs about five
   * vector operations for its horizontal sum instead of eight. Other lane
   * counts, and the last rows, use {@link #sumLanes}. (A 16-row fold, one vector of 16 sums, made C2
   * give up on the shuffles and box the vectors: 270 bytes allocated per row.)
   */
  @Override
  public void rowDots(float[] data, int[] rows, int from, int count, int kp, float[] x, float[] out) {
    int j = 0;
    if (L == 16) {
      for (; j + 4 <= count; j += 4) {
        int f = from + j;
        int o0 = rows[f] * kp;
        int o1 = rows[f + 1] * kp;
        int o2 = rows[f + 2] * kp;
        int o3 = rows[f + 3] * kp;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        for (int c = 0; c < kp; c += L) {
          FloatVector xc = FloatVector.fromArray(F, x, c);
          s0 = FloatVector.fromArray(F, data, o0 + c).fma(xc, s0);
          s1 = FloatVector.fromArray(F, data, o1 + c).fma(xc, s1);
          s2 = FloatVector.fromArray(F, data, o2 + c).fma(xc, s2);
          s3 = FloatVector.fromArray(F, data, o3 + c).fma(xc, s3);
        }
        FloatVector q = fold4(fold8(s0, s1), fold8(s2, s3)); // quarters: row 0, row 2, row 1, row 3
        q = q.add(q.rearrange(ROTATE_2));
        q = q.add(q.rearrange(ROTATE_1));
        out[j] = q.lane(0);
        out[j + 1] = q.lane(8);
        out[j + 2] = q.lane(4);
        out[j + 3] = q.lane(12);
      }
    }
    for (; j < count; j++) {
      out[j] = sumLanes(rowDot(data, rows[from + j] * kp, x, kp));
    }
  }

  /** The lane-wise partial sums of one row's product with x. */
  private static FloatVector rowDot(float[] data, int o, float[] x, int kp) {
    FloatVector s = FloatVector.zero(F);
    for (int c = 0; c < kp; c += L) {
      s = FloatVector.fromArray(F, data, o + c).fma(FloatVector.fromArray(F, x, c), s);
    }
    return s;
  }

  /**
   * Levels h = 8 and 4 of a pairwise fold: lanes i with {@code i & h == 0} get a[i] + a[i ^ h], the
   * others b[i] + b[i ^ h], so two rows' partial sums share one vector. (One method per level: a mask
   * or shuffle passed as an argument is not a constant to C2, and the vectors around it get boxed.)
   */
  private static FloatVector fold8(FloatVector a, FloatVector b) {
    return a.blend(b, M8).add(b.blend(a, M8).rearrange(X8));
  }

  private static FloatVector fold4(FloatVector a, FloatVector b) {
    return a.blend(b, M4).add(b.blend(a, M4).rearrange(X4));
  }

  /**
   * Four vectors of the accumulator at a time stay in registers while all rows go by, in two sets
   * (even and odd rows) added at the end: with one set every FMA would wait for the previous row's
   * (4 cycles of latency), capping the kernel at half the FMA throughput. A last single vector of
   * columns gets four sets, for the same reason.
   */
  @Override
  public void addRowCombination(float[] data, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc) {
    int c = 0;
    for (; c + 4 * L <= kp; c += 4 * L) {
      combine4(data, rows, from, count, kp, coef, acc, c);
    }
    for (; c < kp; c += L) {
      combine1(data, rows, from, count, kp, coef, acc, c);
    }
  }

  /** acc[c .. c + 4L) += Σ_j coef[j]·row_j[c .. c + 4L). */
  private static void combine4(float[] data, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
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
      int o = rows[from + j] * kp + c;
      int p = rows[from + j + 1] * kp + c;
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
      int o = rows[from + j] * kp + c;
      FloatVector w = FloatVector.broadcast(F, coef[j]);
      a0 = w.fma(FloatVector.fromArray(F, data, o), a0);
      a1 = w.fma(FloatVector.fromArray(F, data, o + L), a1);
      a2 = w.fma(FloatVector.fromArray(F, data, o + 2 * L), a2);
      a3 = w.fma(FloatVector.fromArray(F, data, o + 3 * L), a3);
    }
    addInto(acc, c, a0.add(b0));
    addInto(acc, c + L, a1.add(b1));
    addInto(acc, c + 2 * L, a2.add(b2));
    addInto(acc, c + 3 * L, a3.add(b3));
  }

  /** acc[c .. c + L) += Σ_j coef[j]·row_j[c .. c + L). */
  private static void combine1(float[] data, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc, int c) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = FloatVector.zero(F);
    FloatVector a2 = FloatVector.zero(F);
    FloatVector a3 = FloatVector.zero(F);
    int j = 0;
    for (; j + 3 < count; j += 4) {
      a0 = FloatVector.broadcast(F, coef[j]).fma(FloatVector.fromArray(F, data, rows[from + j] * kp + c), a0);
      a1 = FloatVector.broadcast(F, coef[j + 1]).fma(FloatVector.fromArray(F, data, rows[from + j + 1] * kp + c), a1);
      a2 = FloatVector.broadcast(F, coef[j + 2]).fma(FloatVector.fromArray(F, data, rows[from + j + 2] * kp + c), a2);
      a3 = FloatVector.broadcast(F, coef[j + 3]).fma(FloatVector.fromArray(F, data, rows[from + j + 3] * kp + c), a3);
    }
    for (; j < count; j++) {
      a0 = FloatVector.broadcast(F, coef[j]).fma(FloatVector.fromArray(F, data, rows[from + j] * kp + c), a0);
    }
    addInto(acc, c, a0.add(a1).add(a2.add(a3)));
  }

  /**
   * One load per vector of each gathered row, two stores and a multiply and an FMA on it; b stays in
   * registers for rows of up to four vectors (k ≤ 64 on AVX-512).
   */
  @Override
  public void packWeighted(float[] data, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, float[] weighted, float[] b) {
    for (int c = 0; c < kp; c += 4 * L) {
      int width = Math.min(4 * L, kp - c);
      if (width == 4 * L) {
        pack4(data, rows, from, count, kp, w, t, packed, weighted, b, c);
      } else {
        for (int v = c; v < kp; v += L) {
          pack1(data, rows, from, count, kp, w, t, packed, weighted, b, v);
        }
      }
    }
  }

  /** packWeighted for columns [c, c + 4L). */
  private static void pack4(float[] data, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, float[] weighted, float[] b, int c) {
    FloatVector b0 = FloatVector.fromArray(F, b, c);
    FloatVector b1 = FloatVector.fromArray(F, b, c + L);
    FloatVector b2 = FloatVector.fromArray(F, b, c + 2 * L);
    FloatVector b3 = FloatVector.fromArray(F, b, c + 3 * L);
    for (int j = 0; j < count; j++) {
      int src = rows[from + j] * kp + c;
      int dst = j * kp + c;
      FloatVector wj = FloatVector.broadcast(F, w[j]);
      FloatVector tj = FloatVector.broadcast(F, t[j]);
      FloatVector y0 = FloatVector.fromArray(F, data, src);
      FloatVector y1 = FloatVector.fromArray(F, data, src + L);
      FloatVector y2 = FloatVector.fromArray(F, data, src + 2 * L);
      FloatVector y3 = FloatVector.fromArray(F, data, src + 3 * L);
      y0.intoArray(packed, dst);
      y1.intoArray(packed, dst + L);
      y2.intoArray(packed, dst + 2 * L);
      y3.intoArray(packed, dst + 3 * L);
      y0.mul(wj).intoArray(weighted, dst);
      y1.mul(wj).intoArray(weighted, dst + L);
      y2.mul(wj).intoArray(weighted, dst + 2 * L);
      y3.mul(wj).intoArray(weighted, dst + 3 * L);
      b0 = tj.fma(y0, b0);
      b1 = tj.fma(y1, b1);
      b2 = tj.fma(y2, b2);
      b3 = tj.fma(y3, b3);
    }
    b0.intoArray(b, c);
    b1.intoArray(b, c + L);
    b2.intoArray(b, c + 2 * L);
    b3.intoArray(b, c + 3 * L);
  }

  /** packWeighted for columns [c, c + L). */
  private static void pack1(float[] data, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, float[] weighted, float[] b, int c) {
    FloatVector b0 = FloatVector.fromArray(F, b, c);
    for (int j = 0; j < count; j++) {
      int src = rows[from + j] * kp + c;
      int dst = j * kp + c;
      FloatVector y0 = FloatVector.fromArray(F, data, src);
      y0.intoArray(packed, dst);
      y0.mul(w[j]).intoArray(weighted, dst);
      b0 = FloatVector.broadcast(F, t[j]).fma(y0, b0);
    }
    b0.intoArray(b, c);
  }

  /**
   * Upper-triangle tiles of 4 rows × 2 vectors, accumulated in 8 registers over all packed rows and
   * added to A once: each step loads 2 vectors and 4 broadcasts for 8 FMAs. (A 4×4 tile was no faster
   * on Zen 4 and C2 boxed some of its 16 accumulators: 864 B allocated per tile; see docs/design.md.)
   */
  @Override
  public void rankUpdate(
      float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int fromRow) {
    for (int r = fromRow; r < kp; r += 4) {
      int c = r / L * L;
      for (; c + 2 * L <= kp; c += 2 * L) {
        tile4x2(rows, ro, wrows, wo, count, kp, a, r, c);
      }
      if (c < kp) {
        tile4x1(rows, ro, wrows, wo, count, kp, a, r, c);
      }
    }
  }

  /**
   * Lane j carries system j through the same right-looking Cholesky as the scalar twin: every scalar
   * step becomes one lane-wise vector step, so each lane's result does not depend on the others. The
   * right-hand side rides along as an extra column, so the forward substitution is done by the
   * factorisation's own updates and only the back substitution is a separate pass.
   *
   * <p>Pivots go in panels of 8. Inside a panel, pivots are taken one at a time in halves of 4, and
   * the second half's rows get the first half's four updates in one pass; then every row below the
   * panel gets all eight updates in one pass ({@link #pair8}), in column blocks of {@value #BLOCK}
   * so that the panel's part of the eight pivot rows stays in L1 while the rows below stream through.
   * Each element receives its updates in pivot order, so the bits are those of one pivot at a time.
   */
  @Override
  public void factorSolveInterleaved(float[] t, float[] rhs, int k, int[] failedPivot) {
    java.util.Arrays.fill(failedPivot, 0, L, -1);
    for (int i0 = 0; i0 < k; i0 += 8) {
      int mid = Math.min(i0 + 4, k);
      int i1 = Math.min(i0 + 8, k);
      for (int i = i0; i < mid; i++) {
        eliminateInterleaved(t, rhs, k, i, mid, failedPivot);
      }
      if (mid < i1) {
        updateRows(t, rhs, k, i0, 4, mid, i1);
        for (int i = mid; i < i1; i++) {
          eliminateInterleaved(t, rhs, k, i, i1, failedPivot);
        }
      }
      if (i1 < k) {
        updateRows(t, rhs, k, i0, 8, i1, k);
      }
    }
    backSubstitute(t, rhs, k);
  }

  /** Columns per block of the trailing update: 8 pivot rows × 32 vectors = 16 KB at 16 lanes. */
  private static final int BLOCK = 32;

  /**
   * Rows [from, to), columns from the diagonal on, and their right-hand sides receive the updates of
   * the n = 4 or 8 (complete) pivot rows p0..p0+n-1, two rows per pass.
   */
  private static void updateRows(float[] t, float[] rhs, int k, int p0, int n, int from, int to) {
    for (int cb = from; cb < k; cb += BLOCK) {
      int cEnd = Math.min(cb + BLOCK, k);
      for (int r = from; r < Math.min(to, cEnd); r += 2) {
        int cFrom = Math.max(r, cb);
        if (r + 1 == to) {
          updateRow(t, k, p0, n, r, cFrom, cEnd);
        } else if (n == 8) {
          pair8(t, k, p0, r, cFrom, cEnd);
        } else {
          pair4(t, k, p0, r, cFrom, cEnd);
        }
      }
    }
    int row = k * L;
    for (int r = from; r < to; r++) {
      FloatVector b = FloatVector.fromArray(F, rhs, r * L);
      for (int p = p0; p < p0 + n; p++) {
        b = FloatVector.fromArray(F, t, p * row + r * L).neg().fma(FloatVector.fromArray(F, rhs, p * L), b);
      }
      b.intoArray(rhs, r * L);
    }
  }

  /** Row r, columns [cFrom, cTo), receives the updates of pivot rows p0..p0+n-1. */
  private static void updateRow(float[] t, int k, int p0, int n, int r, int cFrom, int cTo) {
    int row = k * L;
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      FloatVector a = FloatVector.fromArray(F, t, o);
      for (int p = p0; p < p0 + n; p++) {
        a = FloatVector.fromArray(F, t, p * row + r * L).neg().fma(FloatVector.fromArray(F, t, p * row + c * L), a);
      }
      a.intoArray(t, o);
    }
  }

  /** Rows r and r+1, columns [cFrom, cTo), receive the updates of pivot rows p0..p0+3. */
  private static void pair4(float[] t, int k, int p0, int r, int cFrom, int cTo) {
    int row = k * L;
    int q0 = p0 * row, q1 = q0 + row, q2 = q1 + row, q3 = q2 + row;
    int x = r * L, y = x + L;
    FloatVector u00 = FloatVector.fromArray(F, t, q0 + x).neg(), u10 = FloatVector.fromArray(F, t, q0 + y).neg();
    FloatVector u01 = FloatVector.fromArray(F, t, q1 + x).neg(), u11 = FloatVector.fromArray(F, t, q1 + y).neg();
    FloatVector u02 = FloatVector.fromArray(F, t, q2 + x).neg(), u12 = FloatVector.fromArray(F, t, q2 + y).neg();
    FloatVector u03 = FloatVector.fromArray(F, t, q3 + x).neg(), u13 = FloatVector.fromArray(F, t, q3 + y).neg();
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      int v = c * L;
      FloatVector v0 = FloatVector.fromArray(F, t, q0 + v);
      FloatVector v1 = FloatVector.fromArray(F, t, q1 + v);
      FloatVector v2 = FloatVector.fromArray(F, t, q2 + v);
      FloatVector v3 = FloatVector.fromArray(F, t, q3 + v);
      FloatVector a = FloatVector.fromArray(F, t, o);
      FloatVector b = FloatVector.fromArray(F, t, o + row);
      a = u00.fma(v0, a); b = u10.fma(v0, b);
      a = u01.fma(v1, a); b = u11.fma(v1, b);
      a = u02.fma(v2, a); b = u12.fma(v2, b);
      a = u03.fma(v3, a); b = u13.fma(v3, b);
      a.intoArray(t, o);
      b.intoArray(t, o + row);
    }
  }

  /**
   * Rows r and r+1, columns [cFrom, cTo), receive the updates of pivot rows p0..p0+7: 16 multipliers
   * stay in registers, and each column loads 8 pivot-row vectors and 2 trailing ones for 16 FMAs.
   */
  private static void pair8(float[] t, int k, int p0, int r, int cFrom, int cTo) {
    int row = k * L;
    int q0 = p0 * row, q1 = q0 + row, q2 = q1 + row, q3 = q2 + row;
    int q4 = q3 + row, q5 = q4 + row, q6 = q5 + row, q7 = q6 + row;
    int x = r * L, y = x + L;
    FloatVector u00 = FloatVector.fromArray(F, t, q0 + x).neg(), u10 = FloatVector.fromArray(F, t, q0 + y).neg();
    FloatVector u01 = FloatVector.fromArray(F, t, q1 + x).neg(), u11 = FloatVector.fromArray(F, t, q1 + y).neg();
    FloatVector u02 = FloatVector.fromArray(F, t, q2 + x).neg(), u12 = FloatVector.fromArray(F, t, q2 + y).neg();
    FloatVector u03 = FloatVector.fromArray(F, t, q3 + x).neg(), u13 = FloatVector.fromArray(F, t, q3 + y).neg();
    FloatVector u04 = FloatVector.fromArray(F, t, q4 + x).neg(), u14 = FloatVector.fromArray(F, t, q4 + y).neg();
    FloatVector u05 = FloatVector.fromArray(F, t, q5 + x).neg(), u15 = FloatVector.fromArray(F, t, q5 + y).neg();
    FloatVector u06 = FloatVector.fromArray(F, t, q6 + x).neg(), u16 = FloatVector.fromArray(F, t, q6 + y).neg();
    FloatVector u07 = FloatVector.fromArray(F, t, q7 + x).neg(), u17 = FloatVector.fromArray(F, t, q7 + y).neg();
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      int v = c * L;
      FloatVector v0 = FloatVector.fromArray(F, t, q0 + v);
      FloatVector v1 = FloatVector.fromArray(F, t, q1 + v);
      FloatVector v2 = FloatVector.fromArray(F, t, q2 + v);
      FloatVector v3 = FloatVector.fromArray(F, t, q3 + v);
      FloatVector a = FloatVector.fromArray(F, t, o);
      FloatVector b = FloatVector.fromArray(F, t, o + row);
      a = u00.fma(v0, a); b = u10.fma(v0, b);
      a = u01.fma(v1, a); b = u11.fma(v1, b);
      a = u02.fma(v2, a); b = u12.fma(v2, b);
      a = u03.fma(v3, a); b = u13.fma(v3, b);
      FloatVector v4 = FloatVector.fromArray(F, t, q4 + v);
      FloatVector v5 = FloatVector.fromArray(F, t, q5 + v);
      FloatVector v6 = FloatVector.fromArray(F, t, q6 + v);
      FloatVector v7 = FloatVector.fromArray(F, t, q7 + v);
      a = u04.fma(v4, a); b = u14.fma(v4, b);
      a = u05.fma(v5, a); b = u15.fma(v5, b);
      a = u06.fma(v6, a); b = u16.fma(v6, b);
      a = u07.fma(v7, a); b = u17.fma(v7, b);
      a.intoArray(t, o);
      b.intoArray(t, o + row);
    }
  }

  /**
   * x = U⁻¹z, row by row from the bottom. Each row's dot product runs from the far end towards the
   * diagonal in four independent sums, so the newest unknown (the one the row waits for) comes last
   * and the rest overlaps the previous row's division.
   */
  private static void backSubstitute(float[] t, float[] rhs, int k) {
    int row = k * L;
    for (int i = k - 1; i >= 0; i--) {
      int u = i * row;
      FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
      int c = k - 1;
      for (; c - 3 > i; c -= 4) {
        s0 = FloatVector.fromArray(F, t, u + c * L).fma(FloatVector.fromArray(F, rhs, c * L), s0);
        s1 = FloatVector.fromArray(F, t, u + (c - 1) * L).fma(FloatVector.fromArray(F, rhs, (c - 1) * L), s1);
        s2 = FloatVector.fromArray(F, t, u + (c - 2) * L).fma(FloatVector.fromArray(F, rhs, (c - 2) * L), s2);
        s3 = FloatVector.fromArray(F, t, u + (c - 3) * L).fma(FloatVector.fromArray(F, rhs, (c - 3) * L), s3);
      }
      for (; c > i; c--) {
        s0 = FloatVector.fromArray(F, t, u + c * L).fma(FloatVector.fromArray(F, rhs, c * L), s0);
      }
      FloatVector.fromArray(F, rhs, i * L).sub(s0.add(s1).add(s2.add(s3)))
          .div(FloatVector.fromArray(F, t, u + i * L)).intoArray(rhs, i * L);
    }
  }

  /**
   * Pivot i of the interleaved systems: scales row i and its right-hand side (the forward
   * substitution's z_i) and updates the later rows of its half-panel, (i, panelEnd), with their
   * right-hand sides; the rows below are updated by the caller.
   */
  private static void eliminateInterleaved(float[] t, float[] rhs, int k, int i, int panelEnd, int[] failedPivot) {
    int row = k * L;
    int pivotRow = i * row;
    FloatVector one = FloatVector.broadcast(F, 1f);
    FloatVector d = FloatVector.fromArray(F, t, pivotRow + i * L);
    VectorMask<Float> bad = d.compare(VectorOperators.GT, 0f).not()
        .or(d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
    if (bad.anyTrue()) {
      for (int lane = 0; lane < L; lane++) {
        if (bad.laneIsSet(lane) && failedPivot[lane] < 0) {
          failedPivot[lane] = i;
        }
      }
      d = d.blend(one, bad);
    }
    FloatVector root = d.sqrt();
    FloatVector inv = one.div(root);
    root.intoArray(t, pivotRow + i * L);
    FloatVector z = FloatVector.fromArray(F, rhs, i * L).mul(inv);
    z.intoArray(rhs, i * L);
    for (int c = i + 1; c < k; c++) {
      FloatVector.fromArray(F, t, pivotRow + c * L).mul(inv).intoArray(t, pivotRow + c * L);
    }
    for (int r = i + 1; r < panelEnd; r++) {
      FloatVector u = FloatVector.fromArray(F, t, pivotRow + r * L).neg();
      for (int c = r, o = r * row + r * L; c < k; c++, o += L) {
        u.fma(FloatVector.fromArray(F, t, pivotRow + c * L), FloatVector.fromArray(F, t, o)).intoArray(t, o);
      }
      u.fma(z, FloatVector.fromArray(F, rhs, r * L)).intoArray(rhs, r * L);
    }
  }

  /**
   * A whole tile at 16 lanes is held in 16 registers and transposed in four stages of 8 two-vector
   * selections (vpermi2ps), instead of 256 scalar stores that each touch a different cache line.
   * Partial tiles and other vector sizes take the plain loop. (Storing a partial tile's columns
   * under conditions made C2 box vectors: 43 KB per batch at k = 100.)
   */
  @Override
  public void transposeTile(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset,
      int dstStride, int columns) {
    if (L == 16 && columns == 16) {
      transpose16(src, srcOffset, srcStride, dst, dstOffset, dstStride);
      return;
    }
    for (int j = 0; j < L; j++) {
      for (int c = 0; c < columns; c++) {
        dst[dstOffset + c * dstStride + j] = src[srcOffset + j * srcStride + c];
      }
    }
  }

  /**
   * Selection indices for a transpose stage on rows x (bit d of the row index clear) and y = row x+d:
   * lane c of the new x takes x[c] if bit d of c is clear, else y[c−d]; lane c of the new y takes
   * x[c+d] if bit d of c is clear, else y[c]. selectFrom reads index i &lt; L from x, L + i from y.
   */
  private static FloatVector swapBit(int d, boolean high) {
    float[] index = new float[L];
    for (int c = 0; c < L; c++) {
      boolean fromY = (c & d) != 0;
      index[c] = high ? (fromY ? L + c : c + d) : (fromY ? L + c - d : c);
    }
    return FloatVector.fromArray(F, index, 0);
  }

  private static void transpose16(float[] src, int so, int ss, float[] dst, int dOff, int ds) {
    FloatVector x0 = FloatVector.fromArray(F, src, so), x1 = FloatVector.fromArray(F, src, so + ss);
    FloatVector x2 = FloatVector.fromArray(F, src, so + 2 * ss), x3 = FloatVector.fromArray(F, src, so + 3 * ss);
    FloatVector x4 = FloatVector.fromArray(F, src, so + 4 * ss), x5 = FloatVector.fromArray(F, src, so + 5 * ss);
    FloatVector x6 = FloatVector.fromArray(F, src, so + 6 * ss), x7 = FloatVector.fromArray(F, src, so + 7 * ss);
    FloatVector x8 = FloatVector.fromArray(F, src, so + 8 * ss), x9 = FloatVector.fromArray(F, src, so + 9 * ss);
    FloatVector x10 = FloatVector.fromArray(F, src, so + 10 * ss), x11 = FloatVector.fromArray(F, src, so + 11 * ss);
    FloatVector x12 = FloatVector.fromArray(F, src, so + 12 * ss), x13 = FloatVector.fromArray(F, src, so + 13 * ss);
    FloatVector x14 = FloatVector.fromArray(F, src, so + 14 * ss), x15 = FloatVector.fromArray(F, src, so + 15 * ss);
    FloatVector y0 = LO_1.selectFrom(x0, x1), y1 = HI_1.selectFrom(x0, x1);
    FloatVector y2 = LO_1.selectFrom(x2, x3), y3 = HI_1.selectFrom(x2, x3);
    FloatVector y4 = LO_1.selectFrom(x4, x5), y5 = HI_1.selectFrom(x4, x5);
    FloatVector y6 = LO_1.selectFrom(x6, x7), y7 = HI_1.selectFrom(x6, x7);
    FloatVector y8 = LO_1.selectFrom(x8, x9), y9 = HI_1.selectFrom(x8, x9);
    FloatVector y10 = LO_1.selectFrom(x10, x11), y11 = HI_1.selectFrom(x10, x11);
    FloatVector y12 = LO_1.selectFrom(x12, x13), y13 = HI_1.selectFrom(x12, x13);
    FloatVector y14 = LO_1.selectFrom(x14, x15), y15 = HI_1.selectFrom(x14, x15);
    x0 = LO_2.selectFrom(y0, y2); x2 = HI_2.selectFrom(y0, y2);
    x1 = LO_2.selectFrom(y1, y3); x3 = HI_2.selectFrom(y1, y3);
    x4 = LO_2.selectFrom(y4, y6); x6 = HI_2.selectFrom(y4, y6);
    x5 = LO_2.selectFrom(y5, y7); x7 = HI_2.selectFrom(y5, y7);
    x8 = LO_2.selectFrom(y8, y10); x10 = HI_2.selectFrom(y8, y10);
    x9 = LO_2.selectFrom(y9, y11); x11 = HI_2.selectFrom(y9, y11);
    x12 = LO_2.selectFrom(y12, y14); x14 = HI_2.selectFrom(y12, y14);
    x13 = LO_2.selectFrom(y13, y15); x15 = HI_2.selectFrom(y13, y15);
    y0 = LO_4.selectFrom(x0, x4); y4 = HI_4.selectFrom(x0, x4);
    y1 = LO_4.selectFrom(x1, x5); y5 = HI_4.selectFrom(x1, x5);
    y2 = LO_4.selectFrom(x2, x6); y6 = HI_4.selectFrom(x2, x6);
    y3 = LO_4.selectFrom(x3, x7); y7 = HI_4.selectFrom(x3, x7);
    y8 = LO_4.selectFrom(x8, x12); y12 = HI_4.selectFrom(x8, x12);
    y9 = LO_4.selectFrom(x9, x13); y13 = HI_4.selectFrom(x9, x13);
    y10 = LO_4.selectFrom(x10, x14); y14 = HI_4.selectFrom(x10, x14);
    y11 = LO_4.selectFrom(x11, x15); y15 = HI_4.selectFrom(x11, x15);
    LO_8.selectFrom(y0, y8).intoArray(dst, dOff + 0 * ds);
    LO_8.selectFrom(y1, y9).intoArray(dst, dOff + 1 * ds);
    LO_8.selectFrom(y2, y10).intoArray(dst, dOff + 2 * ds);
    LO_8.selectFrom(y3, y11).intoArray(dst, dOff + 3 * ds);
    LO_8.selectFrom(y4, y12).intoArray(dst, dOff + 4 * ds);
    LO_8.selectFrom(y5, y13).intoArray(dst, dOff + 5 * ds);
    LO_8.selectFrom(y6, y14).intoArray(dst, dOff + 6 * ds);
    LO_8.selectFrom(y7, y15).intoArray(dst, dOff + 7 * ds);
    HI_8.selectFrom(y0, y8).intoArray(dst, dOff + 8 * ds);
    HI_8.selectFrom(y1, y9).intoArray(dst, dOff + 9 * ds);
    HI_8.selectFrom(y2, y10).intoArray(dst, dOff + 10 * ds);
    HI_8.selectFrom(y3, y11).intoArray(dst, dOff + 11 * ds);
    HI_8.selectFrom(y4, y12).intoArray(dst, dOff + 12 * ds);
    HI_8.selectFrom(y5, y13).intoArray(dst, dOff + 13 * ds);
    HI_8.selectFrom(y6, y14).intoArray(dst, dOff + 14 * ds);
    HI_8.selectFrom(y7, y15).intoArray(dst, dOff + 15 * ds);
  }

  /**
   * The sum of all lanes as a fixed tree of lane-wise adds. {@code reduceLanes(ADD)} leaves the order
   * of a float sum to the implementation, and the JIT's order differs from the interpreter's, which
   * would make results depend on when a method got compiled (and so on the thread count).
   */
  private static float sumLanes(FloatVector v) {
    if (L >= 16) v = v.add(v.rearrange(ROTATE_8));
    if (L >= 8) v = v.add(v.rearrange(ROTATE_4));
    if (L >= 4) v = v.add(v.rearrange(ROTATE_2));
    if (L >= 2) v = v.add(v.rearrange(ROTATE_1));
    return v.lane(0);
  }

  private static void addInto(float[] a, int offset, FloatVector v) {
    FloatVector.fromArray(F, a, offset).add(v).intoArray(a, offset);
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
