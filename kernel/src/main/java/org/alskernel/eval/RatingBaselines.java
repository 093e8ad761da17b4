package org.alskernel.eval;

import org.alskernel.data.CsrMatrix;
import org.alskernel.eval.RatingMetrics.RatingPredictor;

/**
 * The two reference points every rating model must beat: the global mean μ of the training ratings,
 * and μ plus a shrunk item bias γ_i = Σ_{u∈N(i)} (r_ui − μ) / (|N(i)| + damping), which pulls items
 * with few ratings towards μ (an unseen item gets μ).
 */
public final class RatingBaselines {
  private RatingBaselines() {}

  /** μ, the mean of the stored training ratings (summed in double, row order). */
  public static double mean(CsrMatrix train) {
    if (train.nnz() == 0) {
      throw new IllegalArgumentException("no training ratings");
    }
    double sum = 0;
    for (float v : train.values()) {
      sum += v;
    }
    return sum / train.nnz();
  }

  /** Predicts μ for every pair. */
  public static RatingPredictor globalMean(CsrMatrix train) {
    float mu = (float) mean(train);
    return (user, item) -> mu;
  }

  /**
   * Predicts μ + γ_i.
   *
   * @param train users × items training ratings
   * @param damping the shrinkage count (≥ 0); 0 gives the plain mean of each item's ratings
   */
  public static RatingPredictor itemBias(CsrMatrix train, double damping) {
    if (!(damping >= 0) || !Double.isFinite(damping)) {
      throw new IllegalArgumentException("damping must be a finite number ≥ 0, got " + damping);
    }
    double mu = mean(train);
    double[] sum = new double[train.cols()];
    int[] count = new int[train.cols()];
    int[] indices = train.indices();
    float[] values = train.values();
    for (int p = 0; p < train.nnz(); p++) {
      sum[indices[p]] += values[p] - mu;
      count[indices[p]]++;
    }
    float[] prediction = new float[train.cols()];
    for (int i = 0; i < prediction.length; i++) {
      double denominator = count[i] + damping;
      prediction[i] = (float) (mu + (denominator > 0 ? sum[i] / denominator : 0));
    }
    return (user, item) -> prediction[item];
  }
}
