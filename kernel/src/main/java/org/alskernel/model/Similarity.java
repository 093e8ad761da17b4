package org.alskernel.model;

import org.alskernel.simd.VectorOps;

/**
 * Cosine neighbours within one side of the model (items among items, users among users). The row
 * norms are computed once, on first use, and kept: cos(a, b) = aᵀb / (‖a‖‖b‖), and 0 when either vector
 * is zero (a row with no training data has the zero vector), so such rows never look similar.
 */
final class Similarity {
  private final VectorOps ops;
  private final float[] data;
  private final int rows;
  private final int k;
  private volatile float[] norms;

  Similarity(VectorOps ops, float[] data, int rows, int k) {
    this.ops = ops;
    this.data = data;
    this.rows = rows;
    this.k = k;
  }

  /** The norms, computed once; a race computes the same values twice, which is harmless. */
  private float[] norms() {
    float[] n = norms;
    if (n == null) {
      n = new float[rows];
      for (int r = 0; r < rows; r++) {
        n[r] = (float) Math.sqrt(ops.dot(data, r * k, data, r * k, k));
      }
      norms = n;
    }
    return n;
  }

  /** The n rows most similar to {@code query}, excluding the query itself, best first. */
  void nearest(int query, TopN top) {
    float[] n = norms();
    float qn = n[query];
    int qo = query * k;
    for (int r = 0; r < rows; r++) {
      if (r == query) {
        continue;
      }
      float denominator = qn * n[r];
      float cos = denominator > 0f ? ops.dot(data, qo, data, r * k, k) / denominator : 0f;
      top.offer(r, cos);
    }
  }
}
