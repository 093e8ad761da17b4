package org.alskernel.model;

import org.alskernel.simd.VectorOps;

/**
 * A user's predicted preference for items against the item factors, with the SIMD dot product:
 * x·y_i, plus γ_i and the user's constant part (μ + β_u) for a biased model. What is ranked is thus
 * what {@link FactorModel#predict} predicts.
 */
final class Scoring {
  private final VectorOps ops;
  private final float[] itemData;
  /** γ, or null for an unbiased model. */
  private final float[] itemBias;
  private final int items;
  private final int k;

  Scoring(VectorOps ops, float[] itemData, float[] itemBias, int items, int k) {
    this.ops = ops;
    this.itemData = itemData;
    this.itemBias = itemBias;
    this.items = items;
    this.k = k;
  }

  int items() {
    return items;
  }

  /** @param constant the user's part of the prediction, μ + β_u (0 for unbiased models) */
  float score(float[] x, int xo, float constant, int item) {
    float s = ops.dot(x, xo, itemData, item * k, k);
    return itemBias == null ? s : constant + itemBias[item] + s;
  }

  /** Every item's score into {@code out[0..items)}. */
  void scoreAll(float[] x, int xo, float constant, float[] out) {
    for (int i = 0; i < items; i++) {
      out[i] = score(x, xo, constant, i);
    }
  }
}
