package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The register-blocked symmetric rank update of the builds, the Gram matrix and the Cholesky panels. */
final class PanamaRankUpdate {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  private PanamaRankUpdate() {}

  /**
   * Upper-triangle tiles of 4 rows × 2 vectors, accumulated in 8 registers over all packed rows and
   * added to A once: each step loads 2 vectors and 4 broadcasts for 8 FMAs. (A 4×4 tile was no faster
   * on Zen 4 and C2 boxed some of its 16 accumulators: 864 B allocated per tile; see docs/design.md.)
   */
  static void rankUpdate(
      float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao, int fromRow) {
    for (int r = fromRow; r < kp; r += 4) {
      int c = r / L * L;
      for (; c + 2 * L <= kp; c += 2 * L) {
        tile4x2(rows, ro, wrows, wo, count, kp, a, ao, r, c);
      }
      if (c < kp) {
        tile4x1(rows, ro, wrows, wo, count, kp, a, ao, r, c);
      }
    }
  }

  /** A[r..r+3][c .. c+2·L) += Σ_j wrows_j[r..r+3] ⊗ rows_j[c .. c+2·L), in registers. */
  private static void tile4x2(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao, int r, int c) {
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
    PanamaLanes.addInto(a, ao + (r + 0) * kp + c + 0 * L, a00);
    PanamaLanes.addInto(a, ao + (r + 0) * kp + c + 1 * L, a01);
    PanamaLanes.addInto(a, ao + (r + 1) * kp + c + 0 * L, a10);
    PanamaLanes.addInto(a, ao + (r + 1) * kp + c + 1 * L, a11);
    PanamaLanes.addInto(a, ao + (r + 2) * kp + c + 0 * L, a20);
    PanamaLanes.addInto(a, ao + (r + 2) * kp + c + 1 * L, a21);
    PanamaLanes.addInto(a, ao + (r + 3) * kp + c + 0 * L, a30);
    PanamaLanes.addInto(a, ao + (r + 3) * kp + c + 1 * L, a31);
  }

  /** A[r..r+3][c .. c+1·L) += Σ_j wrows_j[r..r+3] ⊗ rows_j[c .. c+1·L), in registers. */
  private static void tile4x1(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao, int r, int c) {
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
    PanamaLanes.addInto(a, ao + (r + 0) * kp + c + 0 * L, a00);
    PanamaLanes.addInto(a, ao + (r + 1) * kp + c + 0 * L, a10);
    PanamaLanes.addInto(a, ao + (r + 2) * kp + c + 0 * L, a20);
    PanamaLanes.addInto(a, ao + (r + 3) * kp + c + 0 * L, a30);
  }
}
