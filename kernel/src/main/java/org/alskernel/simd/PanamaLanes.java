package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-level pieces the Panama kernels share: a horizontal sum in a fixed order, the folds that put
 * several rows' partial sums into one vector, and adding a vector into an array.
 */
final class PanamaLanes {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  // Lane rotations for a horizontal sum in a fixed order (see sumLanes).
  private static final VectorShuffle<Float> ROTATE_8 = VectorShuffle.fromOp(F, i -> (i + 8) % L);
  private static final VectorShuffle<Float> ROTATE_4 = VectorShuffle.fromOp(F, i -> (i + 4) % L);
  private static final VectorShuffle<Float> ROTATE_2 = VectorShuffle.fromOp(F, i -> (i + 2) % L);
  private static final VectorShuffle<Float> ROTATE_1 = VectorShuffle.fromOp(F, i -> (i + 1) % L);
  // The levels of the four-row fold (16 lanes only): lanes with bit h set, and i -> i ^ h.
  private static final VectorMask<Float> M8 = VectorMask.fromLong(F, 0xFF00L);
  private static final VectorMask<Float> M4 = VectorMask.fromLong(F, 0xF0F0L);
  private static final VectorShuffle<Float> X8 = VectorShuffle.fromOp(F, i -> (i ^ 8) % L);
  private static final VectorShuffle<Float> X4 = VectorShuffle.fromOp(F, i -> (i ^ 4) % L);

  private PanamaLanes() {}

  /**
   * The sum of all lanes as a fixed tree of lane-wise adds. {@code reduceLanes(ADD)} leaves the order
   * of a float sum to the implementation, and the JIT's order differs from the interpreter's, which
   * would make results depend on when a method got compiled (and so on the thread count).
   */
  static float sumLanes(FloatVector v) {
    if (L >= 16) v = v.add(v.rearrange(ROTATE_8));
    if (L >= 8) v = v.add(v.rearrange(ROTATE_4));
    if (L >= 4) v = v.add(v.rearrange(ROTATE_2));
    if (L >= 2) v = v.add(v.rearrange(ROTATE_1));
    return v.lane(0);
  }

  /**
   * The lane sums of four vectors at once (16 lanes only): folded pairwise into one vector whose
   * quarters hold s0, s2, s1, s3's partial sums, which two rotating adds finish. Lanes 0, 8, 4 and 12
   * of the result are the sums of s0, s1, s2 and s3; about five operations a vector instead of the
   * eight of {@link #sumLanes}.
   */
  static FloatVector sumLanes4(FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3) {
    FloatVector q = fold4(fold8(s0, s1), fold8(s2, s3));
    q = q.add(q.rearrange(ROTATE_2));
    return q.add(q.rearrange(ROTATE_1));
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

  /** a[offset .. offset + L) += v. */
  static void addInto(float[] a, int offset, FloatVector v) {
    FloatVector.fromArray(F, a, offset).add(v).intoArray(a, offset);
  }
}
