package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.data.Interactions;
import org.alskernel.eval.RatingBaselines;
import org.alskernel.eval.RatingMetrics;
import org.alskernel.io.Formats;
import org.alskernel.model.FactorModel;
import org.alskernel.sweep.RatingScale;
import org.alskernel.testing.SharedDatasets;
import org.junit.jupiter.api.Test;

/**
 * The rating-quality target of docs/quality.md on MovieLens 100K (skipped without shared/datasets):
 * with the settings the grid search of {@link RatingQualityReport} chose on the training-only
 * validation split, biased explicit ALS beats the tuned biased-SVD figure of the source document
 * (test RMSE 0.977) on the temporal 80/20 protocol, and the baselines land where that document puts
 * them. One fit of 10 iterations at k = 10: well under a second.
 */
class RatingQualityTest {
  /** Test RMSE of a tuned biased-SVD library in the source document: the figure to beat. */
  static final double TARGET_RMSE = 0.977;
  /** Chosen by RatingQualityReport's grid on the validation split (docs/quality.md). */
  static final RatingQualityReport.Choice CHOSEN = new RatingQualityReport.Choice(10, 10f, 10, Double.NaN);

  @Test
  void biasedExplicitAlsBeatsTheTargetOnTemporalMl100k() throws java.io.IOException {
    Interactions data = Formats.MOVIELENS_100K.read(SharedDatasets.require("ml-100k/u.data"));
    RatingSplits.Split split = RatingSplits.temporal(data, 0.8, RatingQualityReport.MIN_USER_TRAIN);
    assertEquals(80_000, split.train().nnz());
    RatingScale stars = new RatingScale(1, 5);

    double mean = RatingMetrics.evaluate(RatingBaselines.globalMean(split.train()), split.test(), stars).rmse();
    double item = RatingMetrics.evaluate(RatingBaselines.itemBias(split.train(), 5), split.test(), stars).rmse();
    RatingQualityReport.Candidate biased = RatingQualityReport.candidates().stream()
        .filter(c -> c.name().equals("biased explicit")).findFirst().orElseThrow();
    FactorModel model = RatingQualityReport.fit(biased, CHOSEN, split.train(), stars);
    RatingMetrics.Errors test = RatingMetrics.evaluate(model::predict, split.test(), stars);
    System.out.printf("ml-100k temporal: global mean %.4f, item bias %.4f, biased ALS %.4f (MAE %.4f)%n",
        mean, item, test.rmse(), test.mae());

    // The source document reports 1.128 and 1.030 for these baselines on the same protocol.
    assertEquals(1.128, mean, 0.01, "global-mean baseline");
    assertTrue(item < mean && item < 1.04, "item-bias baseline " + item);
    assertTrue(test.rmse() < TARGET_RMSE, "biased explicit ALS test RMSE " + test.rmse());
    assertTrue(model.hasBiases() && Math.abs(model.globalMean() - 3.5) < 0.1, "μ " + model.globalMean());
  }
}
