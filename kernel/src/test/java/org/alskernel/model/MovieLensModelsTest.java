package org.alskernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.io.Formats;
import org.alskernel.store.ModelFile;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a new user does on ml-100k, for every variant: train, save, load, predict, fold in a known
 * user's own ratings. The loaded model predicts what the trained one did, bit for bit, and folding in
 * user 0's ratings gives almost the trained vector (it differs by the last item sweep only) with
 * almost the same error on those ratings.
 */
class MovieLensModelsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(AlsVariant.class)
  void savedModelsPredictAndFoldInAsTrained(AlsVariant variant) throws Exception {
    Interactions data = Formats.MOVIELENS_100K.read(SharedDatasets.require("ml-100k/u.data"));
    AlsConfig.Builder config = AlsConfig.builder().variant(variant).factors(10).iterations(10)
        .threads(2);
    config = variant.isExplicit() ? config.lambda(10f).ratingScale(1, 5)
        : config.lambda(100f).alpha(20f);
    AlsModel trained = new AlsTrainer(config.build()).fit(data);
    Path file = dir.resolve(variant + ".als");
    ModelFile.save(trained, file);
    AlsModel loaded = ModelFile.load(file);

    CsrMatrix r = data.toCsr();
    double sumTrained = 0;
    double sumLoaded = 0;
    for (int u = 0; u < r.rows(); u++) {
      for (int p = r.indptr()[u]; p < r.indptr()[u + 1]; p++) {
        int i = r.indices()[p];
        float a = trained.factors().predict(u, i);
        assertEquals(Float.floatToRawIntBits(a), Float.floatToRawIntBits(loaded.factors().predict(u, i)));
        sumTrained += sq(a - r.values()[p]);
        sumLoaded += sq(loaded.factors().predict(u, i) - r.values()[p]);
      }
    }
    assertEquals(sumTrained, sumLoaded);

    int from = r.indptr()[0];
    int to = r.indptr()[1];
    int[] items = java.util.Arrays.copyOfRange(r.indices(), from, to);
    float[] values = java.util.Arrays.copyOfRange(r.values(), from, to);
    UserVector folded = loaded.foldIn(items, values);
    float[] x = trained.factors().userVector(0);
    double diff = 0;
    double norm = 0;
    for (int f = 0; f < x.length; f++) {
      diff += sq(folded.factors()[f] - x[f]);
      norm += sq(x[f]);
    }
    assertTrue(Math.sqrt(diff / norm) < 0.1, variant + ": fold-in is " + Math.sqrt(diff / norm)
        + " of the trained vector away");
    if (variant.isExplicit()) {
      double trainedError = 0;
      double foldedError = 0;
      for (int j = 0; j < items.length; j++) {
        float pred = loaded.factors().globalMean() + loaded.factors().itemBias(items[j])
            + folded.bias() + dot(folded.factors(), loaded.factors().itemVector(items[j]));
        foldedError += sq(pred - values[j]);
        trainedError += sq(trained.factors().predict(0, items[j]) - values[j]);
      }
      double rmseTrained = Math.sqrt(trainedError / items.length);
      double rmseFolded = Math.sqrt(foldedError / items.length);
      assertTrue(Math.abs(rmseFolded - rmseTrained) < 0.1,
          variant + ": RMSE on user 0's ratings " + rmseTrained + " trained, " + rmseFolded
              + " folded in");
    }
  }

  private static double sq(double v) {
    return v * v;
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int f = 0; f < a.length; f++) {
      s += a[f] * b[f];
    }
    return s;
  }
}
