package org.alskernel.sweep;

/**
 * How an interaction strength r becomes a confidence c in implicit ALS (Hu, Koren &amp; Volinsky 2008);
 * docs/math.md. The magnitude |r| is used, so a negative r (explicit negative feedback) gets the same
 * confidence as its positive twin but preference 0.
 */
public enum Confidence {
  /** c = 1 + α·|r|. */
  LINEAR,
  /** c = 1 + α·log(1 + |r|/ε), for heavy-tailed counts such as play counts. */
  LOG;

  /** The confidence of strength {@code r} under this function. */
  public float apply(float r, float alpha, float epsilon) {
    float m = Math.abs(r);
    return switch (this) {
      case LINEAR -> 1f + alpha * m;
      case LOG -> 1f + alpha * (float) Math.log1p(m / epsilon);
    };
  }
}
