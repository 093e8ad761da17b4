package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;

/**
 * The declared range of explicit ratings, e.g. [1, 5] stars. Training refuses a rating outside it
 * (usually a mis-read column or a wrong file), and predictions can be clipped to it.
 *
 * @param min the lowest valid rating
 * @param max the highest valid rating (&gt; min)
 */
public record RatingScale(float min, float max) {

  public RatingScale {
    if (!Float.isFinite(min) || !Float.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException(
          "rating scale needs finite min < max, got [" + min + ", " + max + "]");
    }
  }

  /** {@code r} clipped to [min, max]. */
  public float clip(float r) {
    return Math.max(min, Math.min(max, r));
  }

  /**
   * Throws naming the first rating of {@code ratings} (users × items) that is NaN, infinite or outside
   * this scale.
   */
  public void requireContains(CsrMatrix ratings) {
    int[] indptr = ratings.indptr();
    float[] values = ratings.values();
    for (int u = 0; u < ratings.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        float r = values[p];
        if (!(r >= min && r <= max)) {
          throw new IllegalArgumentException("rating " + r + " of user row " + u + ", item column "
              + ratings.indices()[p] + " is outside the declared rating scale [" + min + ", " + max
              + "]");
        }
      }
    }
  }
}
