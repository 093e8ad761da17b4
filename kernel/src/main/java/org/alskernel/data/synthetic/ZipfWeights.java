package org.alskernel.data.synthetic;

/**
 * Zipf weights {@code 1 / rank^exponent} for ranks 1..n, quantised to longs.
 *
 * <p>Integers, not doubles, because {@link WeightTree} removes and restores weights per row: with
 * integer arithmetic the tree returns to exactly its initial state, so no rounding drift accumulates
 * across the hundreds of thousands of rows a generator visits. The scale puts the total near 2^50,
 * far below overflow and with ample resolution; every weight is at least 1 so no item is unreachable.
 */
final class ZipfWeights {
  private static final double TOTAL = 0x1p50;

  private ZipfWeights() {}

  /** Weights in rank order: element 0 is the most popular. */
  static long[] quantised(int n, double exponent) {
    double[] w = new double[n];
    double sum = 0;
    // summed from the smallest so the tail is not lost to rounding
    for (int k = n - 1; k >= 0; k--) {
      w[k] = Math.pow(k + 1, -exponent);
    }
    for (int k = n - 1; k >= 0; k--) {
      sum += w[k];
    }
    long[] q = new long[n];
    double scale = TOTAL / sum;
    for (int k = 0; k < n; k++) {
      q[k] = Math.max(1L, (long) (w[k] * scale));
    }
    return q;
  }
}
