package org.alskernel.model;

import org.alskernel.simd.VectorOps;

/** x·y_i against the item factors with the SIMD dot product. */
final class Scoring {
  private final VectorOps ops;
  private final float[] itemData;
  private final int items;
  private final int k;

  Scoring(VectorOps ops, float[] itemData, int items, int k) {
    this.ops = ops;
    this.itemData = itemData;
    this.items = items;
    this.k = k;
  }

  int items() {
    return items;
  }

  float score(float[] x, int xo, int item) {
    return ops.dot(x, xo, itemData, item * k, k);
  }

  /** Every item's score into {@code out[0..items)}. */
  void scoreAll(float[] x, int xo, float[] out) {
    for (int i = 0; i < items; i++) {
      out[i] = ops.dot(x, xo, itemData, i * k, k);
    }
  }
}
