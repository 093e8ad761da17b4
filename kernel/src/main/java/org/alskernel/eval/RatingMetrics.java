package org.alskernel.eval;

import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.RatingScale;

/**
 * Rating-prediction errors over the stored entries of a test matrix: root mean squared error and mean
 * absolute error, optionally with predictions clipped to the rating scale first (a prediction of 5.3
 * stars is never better than 5). Sums are in double in row order, so the result is reproducible.
 */
public final class RatingMetrics {
  private RatingMetrics() {}

  /** Predicts the rating of (user, item); {@code FactorModel::predict} is one. */
  @FunctionalInterface
  public interface RatingPredictor {
    float predict(int user, int item);
  }

  /**
   * The errors of one predictor on one set of ratings.
   *
   * @param rmse sqrt(mean (r̂ − r)²)
   * @param mae mean |r̂ − r|
   * @param count how many ratings were scored
   */
  public record Errors(double rmse, double mae, int count) {}

  /**
   * Scores every stored entry of {@code ratings} (users × items, in the predictor's index space).
   *
   * @param clip the scale to clip predictions to, or null to score them as they are
   * @throws IllegalArgumentException if {@code ratings} is empty or a prediction is not finite
   */
  public static Errors evaluate(RatingPredictor predictor, CsrMatrix ratings, RatingScale clip) {
    if (ratings.nnz() == 0) {
      throw new IllegalArgumentException("no ratings to evaluate");
    }
    int[] indptr = ratings.indptr();
    int[] indices = ratings.indices();
    float[] values = ratings.values();
    double squared = 0;
    double absolute = 0;
    for (int u = 0; u < ratings.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        float prediction = predictor.predict(u, indices[p]);
        if (!Float.isFinite(prediction)) {
          throw new IllegalArgumentException("prediction " + prediction + " for user row " + u
              + ", item column " + indices[p] + " is not finite");
        }
        if (clip != null) {
          prediction = clip.clip(prediction);
        }
        double e = (double) prediction - values[p];
        squared += e * e;
        absolute += Math.abs(e);
      }
    }
    int n = ratings.nnz();
    return new Errors(Math.sqrt(squared / n), absolute / n, n);
  }
}
