package org.alskernel.sweep;

import org.alskernel.linalg.EntryWeights;

/**
 * Implicit-feedback terms of the normal equations: w = c − 1 and t = c·p, with c from the {@link
 * Confidence} function and preference p = 1 for r &gt; 0, else 0 (docs/math.md).
 */
public final class ImplicitWeights implements EntryWeights {
  private final Confidence confidence;
  private final float alpha;
  private final float epsilon;

  public ImplicitWeights(Confidence confidence, float alpha, float epsilon) {
    this.confidence = confidence;
    this.alpha = alpha;
    this.epsilon = epsilon;
  }

  @Override
  public void compute(int row, int[] indices, float[] values, int from, int count, float[] w,
      float[] t) {
    for (int j = 0; j < count; j++) {
      float r = values[from + j];
      float c = confidence.apply(r, alpha, epsilon);
      w[j] = c - 1f;
      t[j] = r > 0f ? c : 0f;
    }
  }

  /** The confidence of one entry, for the objective. */
  public float confidence(float r) {
    return confidence.apply(r, alpha, epsilon);
  }
}
