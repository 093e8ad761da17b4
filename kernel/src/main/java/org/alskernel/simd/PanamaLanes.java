package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** Lane-level pieces the Panama kernels share: a horizontal sum in a fixed order, add-into. */
final class PanamaLanes {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  // Lane rotations for a horizontal sum in a fixed order (see sumLanes).
  private static final VectorShuffle<Float> ROTATE_8 = VectorShuffle.fromOp(F, i -> (i + 8) % L);
  private static final VectorShuffle<Float> ROTATE_4 = VectorShuffle.fromOp(F, i -> (i + 4) % L);
  static final VectorShuffle<Float> ROTATE_2 = VectorShuffle.fromOp(F, i -> (i + 2) % L);
  static final VectorShuffle<Float> ROTATE_1 = VectorShuffle.fromOp(F, i -> (i + 1) % L);

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

  /** a[offset .. offset + L) += v. */
  static void addInto(float[] a, int offset, FloatVector v) {
    FloatVector.fromArray(F, a, offset).add(v).intoArray(a, offset);
  }
}
