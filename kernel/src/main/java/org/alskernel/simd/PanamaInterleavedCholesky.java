package org.alskernel.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Factor and solve of {@code L} systems at once, one per vector lane ({@link
 * VectorOps#factorSolveInterleaved}).
 */
final class PanamaInterleavedCholesky {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();
  /** Columns per block of the trailing update: 8 pivot rows × 32 vectors = 16 KB at 16 lanes. */
  private static final int BLOCK = 32;

  private PanamaInterleavedCholesky() {}

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
  static void factorSolveInterleaved(float[] buf, int t, int rhs, int k, int[] failedPivot) {
    Arrays.fill(failedPivot, 0, L, -1);
    for (int i0 = 0; i0 < k; i0 += 8) {
      int mid = Math.min(i0 + 4, k);
      int i1 = Math.min(i0 + 8, k);
      for (int i = i0; i < mid; i++) {
        eliminateInterleaved(buf, t, rhs, k, i, mid, failedPivot);
      }
      if (mid < i1) {
        updateRows(buf, t, rhs, k, i0, 4, mid, i1);
        for (int i = mid; i < i1; i++) {
          eliminateInterleaved(buf, t, rhs, k, i, i1, failedPivot);
        }
      }
      if (i1 < k) {
        updateRows(buf, t, rhs, k, i0, 8, i1, k);
      }
    }
    backSubstitute(buf, t, rhs, k);
  }

  /**
   * Rows [from, to), columns from the diagonal on, and their right-hand sides receive the updates of
   * the n = 4 or 8 (complete) pivot rows p0..p0+n-1, two rows per pass.
   */
  private static void updateRows(float[] buf, int t, int rhs, int k, int p0, int n, int from, int to) {
    for (int cb = from; cb < k; cb += BLOCK) {
      int cEnd = Math.min(cb + BLOCK, k);
      for (int r = from; r < Math.min(to, cEnd); r += 2) {
        int cFrom = Math.max(r, cb);
        if (r + 1 == to) {
          updateRow(buf, t, k, p0, n, r, cFrom, cEnd);
        } else if (n == 8) {
          pair8(buf, t, k, p0, r, cFrom, cEnd);
        } else {
          pair4(buf, t, k, p0, r, cFrom, cEnd);
        }
      }
    }
    int row = k * L;
    for (int r = from; r < to; r++) {
      FloatVector b = FloatVector.fromArray(F, buf, rhs + r * L);
      for (int p = p0; p < p0 + n; p++) {
        b = FloatVector.fromArray(F, buf, t + p * row + r * L).neg().fma(FloatVector.fromArray(F, buf, rhs + p * L), b);
      }
      b.intoArray(buf, rhs + r * L);
    }
  }

  /** Row r, columns [cFrom, cTo), receives the updates of pivot rows p0..p0+n-1. */
  private static void updateRow(float[] buf, int t, int k, int p0, int n, int r, int cFrom, int cTo) {
    int row = k * L;
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      FloatVector a = FloatVector.fromArray(F, buf, t + o);
      for (int p = p0; p < p0 + n; p++) {
        a = FloatVector.fromArray(F, buf, t + p * row + r * L).neg().fma(FloatVector.fromArray(F, buf, t + p * row + c * L), a);
      }
      a.intoArray(buf, t + o);
    }
  }

  /** Rows r and r+1, columns [cFrom, cTo), receive the updates of pivot rows p0..p0+3. */
  private static void pair4(float[] buf, int t, int k, int p0, int r, int cFrom, int cTo) {
    int row = k * L;
    int q0 = p0 * row, q1 = q0 + row, q2 = q1 + row, q3 = q2 + row;
    int x = r * L, y = x + L;
    FloatVector u00 = FloatVector.fromArray(F, buf, t + q0 + x).neg(), u10 = FloatVector.fromArray(F, buf, t + q0 + y).neg();
    FloatVector u01 = FloatVector.fromArray(F, buf, t + q1 + x).neg(), u11 = FloatVector.fromArray(F, buf, t + q1 + y).neg();
    FloatVector u02 = FloatVector.fromArray(F, buf, t + q2 + x).neg(), u12 = FloatVector.fromArray(F, buf, t + q2 + y).neg();
    FloatVector u03 = FloatVector.fromArray(F, buf, t + q3 + x).neg(), u13 = FloatVector.fromArray(F, buf, t + q3 + y).neg();
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      int v = c * L;
      FloatVector v0 = FloatVector.fromArray(F, buf, t + q0 + v);
      FloatVector v1 = FloatVector.fromArray(F, buf, t + q1 + v);
      FloatVector v2 = FloatVector.fromArray(F, buf, t + q2 + v);
      FloatVector v3 = FloatVector.fromArray(F, buf, t + q3 + v);
      FloatVector a = FloatVector.fromArray(F, buf, t + o);
      FloatVector b = FloatVector.fromArray(F, buf, t + o + row);
      a = u00.fma(v0, a); b = u10.fma(v0, b);
      a = u01.fma(v1, a); b = u11.fma(v1, b);
      a = u02.fma(v2, a); b = u12.fma(v2, b);
      a = u03.fma(v3, a); b = u13.fma(v3, b);
      a.intoArray(buf, t + o);
      b.intoArray(buf, t + o + row);
    }
  }

  /**
   * Rows r and r+1, columns [cFrom, cTo), receive the updates of pivot rows p0..p0+7: 16 multipliers
   * stay in registers, and each column loads 8 pivot-row vectors and 2 trailing ones for 16 FMAs.
   * (It repeats pair4's first half on purpose: two pair4 passes load and store every trailing element
   * twice and measured 8% slower at k = 64 and 128.)
   */
  private static void pair8(float[] buf, int t, int k, int p0, int r, int cFrom, int cTo) {
    int row = k * L;
    int q0 = p0 * row, q1 = q0 + row, q2 = q1 + row, q3 = q2 + row;
    int q4 = q3 + row, q5 = q4 + row, q6 = q5 + row, q7 = q6 + row;
    int x = r * L, y = x + L;
    FloatVector u00 = FloatVector.fromArray(F, buf, t + q0 + x).neg(), u10 = FloatVector.fromArray(F, buf, t + q0 + y).neg();
    FloatVector u01 = FloatVector.fromArray(F, buf, t + q1 + x).neg(), u11 = FloatVector.fromArray(F, buf, t + q1 + y).neg();
    FloatVector u02 = FloatVector.fromArray(F, buf, t + q2 + x).neg(), u12 = FloatVector.fromArray(F, buf, t + q2 + y).neg();
    FloatVector u03 = FloatVector.fromArray(F, buf, t + q3 + x).neg(), u13 = FloatVector.fromArray(F, buf, t + q3 + y).neg();
    FloatVector u04 = FloatVector.fromArray(F, buf, t + q4 + x).neg(), u14 = FloatVector.fromArray(F, buf, t + q4 + y).neg();
    FloatVector u05 = FloatVector.fromArray(F, buf, t + q5 + x).neg(), u15 = FloatVector.fromArray(F, buf, t + q5 + y).neg();
    FloatVector u06 = FloatVector.fromArray(F, buf, t + q6 + x).neg(), u16 = FloatVector.fromArray(F, buf, t + q6 + y).neg();
    FloatVector u07 = FloatVector.fromArray(F, buf, t + q7 + x).neg(), u17 = FloatVector.fromArray(F, buf, t + q7 + y).neg();
    for (int c = cFrom, o = r * row + cFrom * L; c < cTo; c++, o += L) {
      int v = c * L;
      FloatVector v0 = FloatVector.fromArray(F, buf, t + q0 + v);
      FloatVector v1 = FloatVector.fromArray(F, buf, t + q1 + v);
      FloatVector v2 = FloatVector.fromArray(F, buf, t + q2 + v);
      FloatVector v3 = FloatVector.fromArray(F, buf, t + q3 + v);
      FloatVector a = FloatVector.fromArray(F, buf, t + o);
      FloatVector b = FloatVector.fromArray(F, buf, t + o + row);
      a = u00.fma(v0, a); b = u10.fma(v0, b);
      a = u01.fma(v1, a); b = u11.fma(v1, b);
      a = u02.fma(v2, a); b = u12.fma(v2, b);
      a = u03.fma(v3, a); b = u13.fma(v3, b);
      FloatVector v4 = FloatVector.fromArray(F, buf, t + q4 + v);
      FloatVector v5 = FloatVector.fromArray(F, buf, t + q5 + v);
      FloatVector v6 = FloatVector.fromArray(F, buf, t + q6 + v);
      FloatVector v7 = FloatVector.fromArray(F, buf, t + q7 + v);
      a = u04.fma(v4, a); b = u14.fma(v4, b);
      a = u05.fma(v5, a); b = u15.fma(v5, b);
      a = u06.fma(v6, a); b = u16.fma(v6, b);
      a = u07.fma(v7, a); b = u17.fma(v7, b);
      a.intoArray(buf, t + o);
      b.intoArray(buf, t + o + row);
    }
  }

  /**
   * x = U⁻¹z, row by row from the bottom. Each row's dot product runs from the far end towards the
   * diagonal in four independent sums, so the newest unknown (the one the row waits for) comes last
   * and the rest overlaps the previous row's division.
   */
  private static void backSubstitute(float[] buf, int t, int rhs, int k) {
    int row = k * L;
    for (int i = k - 1; i >= 0; i--) {
      int u = i * row;
      FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
      int c = k - 1;
      for (; c - 3 > i; c -= 4) {
        s0 = FloatVector.fromArray(F, buf, t + u + c * L).fma(FloatVector.fromArray(F, buf, rhs + c * L), s0);
        s1 = FloatVector.fromArray(F, buf, t + u + (c - 1) * L).fma(FloatVector.fromArray(F, buf, rhs + (c - 1) * L), s1);
        s2 = FloatVector.fromArray(F, buf, t + u + (c - 2) * L).fma(FloatVector.fromArray(F, buf, rhs + (c - 2) * L), s2);
        s3 = FloatVector.fromArray(F, buf, t + u + (c - 3) * L).fma(FloatVector.fromArray(F, buf, rhs + (c - 3) * L), s3);
      }
      for (; c > i; c--) {
        s0 = FloatVector.fromArray(F, buf, t + u + c * L).fma(FloatVector.fromArray(F, buf, rhs + c * L), s0);
      }
      FloatVector.fromArray(F, buf, rhs + i * L).sub(s0.add(s1).add(s2.add(s3)))
          .div(FloatVector.fromArray(F, buf, t + u + i * L)).intoArray(buf, rhs + i * L);
    }
  }

  /**
   * Pivot i of the interleaved systems: scales row i and its right-hand side (the forward
   * substitution's z_i) and updates the later rows of its half-panel, (i, panelEnd), with their
   * right-hand sides; the rows below are updated by the caller.
   */
  private static void eliminateInterleaved(float[] buf, int t, int rhs, int k, int i, int panelEnd, int[] failedPivot) {
    int row = k * L;
    int pivotRow = i * row;
    FloatVector one = FloatVector.broadcast(F, 1f);
    FloatVector d = FloatVector.fromArray(F, buf, t + pivotRow + i * L);
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
    root.intoArray(buf, t + pivotRow + i * L);
    FloatVector z = FloatVector.fromArray(F, buf, rhs + i * L).mul(inv);
    z.intoArray(buf, rhs + i * L);
    for (int c = i + 1; c < k; c++) {
      FloatVector.fromArray(F, buf, t + pivotRow + c * L).mul(inv).intoArray(buf, t + pivotRow + c * L);
    }
    for (int r = i + 1; r < panelEnd; r++) {
      FloatVector u = FloatVector.fromArray(F, buf, t + pivotRow + r * L).neg();
      for (int c = r, o = r * row + r * L; c < k; c++, o += L) {
        u.fma(FloatVector.fromArray(F, buf, t + pivotRow + c * L), FloatVector.fromArray(F, buf, t + o)).intoArray(buf, t + o);
      }
      u.fma(z, FloatVector.fromArray(F, buf, rhs + r * L)).intoArray(buf, rhs + r * L);
    }
  }
}
