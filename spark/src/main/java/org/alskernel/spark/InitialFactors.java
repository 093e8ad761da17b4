package org.alskernel.spark;

import java.util.SplittableRandom;

/**
 * Starting factors that depend on the seed, the side and the id alone, so that a fit starts from the
 * same point whatever the number of blocks, partitions or executors. Each id's k values are Gaussian
 * with standard deviation {@code scale} (the kernel's initScale), drawn from a generator seeded by a
 * mix of the three; biases start at 0.
 *
 * <p>An in-process fit starts from the same point when its item factors are set from {@link #row}
 * ({@code AlsSession.setItemFactors}): with the Cholesky solver the first user half-sweep reads only
 * the item side.
 */
public final class InitialFactors {
  /** The side whose factors are drawn. */
  public enum Side { USER, ITEM }

  private InitialFactors() {}

  /** Writes id's k initial factors into {@code out} from {@code offset}. */
  public static void row(long seed, Side side, long id, int k, float scale, float[] out,
      int offset) {
    long mixed = Blocks.mix(Blocks.mix(Blocks.mix(seed) + side.ordinal()) ^ id);
    SplittableRandom random = new SplittableRandom(mixed);
    for (int c = 0; c < k; c++) {
      out[offset + c] = (float) (random.nextGaussian() * scale);
    }
  }

  /** The initial rows of a block's ids, {@code width} floats per row (a bias past k stays 0). */
  static float[] block(long seed, Side side, long[] ids, int k, int width, float scale) {
    float[] rows = new float[ids.length * width];
    for (int r = 0; r < ids.length; r++) {
      row(seed, side, ids[r], k, scale, rows, r * width);
    }
    return rows;
  }
}
