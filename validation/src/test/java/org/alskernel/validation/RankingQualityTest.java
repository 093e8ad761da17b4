package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.alskernel.data.Interactions;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.validation.RankingQuality.Outcome;
import org.alskernel.validation.RankingQuality.Protocol;
import org.junit.jupiter.api.Test;

/**
 * ALS must beat the popularity baseline on every ranking metric, on MovieLens 100K positives and on
 * Last.fm play counts (docs/quality.md). The protocol is the documented one with a smaller model and a
 * 2×2 grid around the documented choices, so that CI stays fast; the documented run is {@link
 * RankingQualityReport}. Skipped when shared/datasets is absent.
 */
class RankingQualityTest {
  private static final float[] LAMBDAS = {10f, 100f};
  private static final float[] ALPHAS = {5f, 20f};

  private static void assertAlsBeatsPopularity(String name, Outcome o) {
    RankingMetrics a = o.als();
    RankingMetrics p = o.popularity();
    String both = name + ": ALS " + a + " vs popularity " + p;
    assertTrue(a.precision() > p.precision(), both);
    assertTrue(a.recall() > p.recall(), both);
    assertTrue(a.map() > p.map(), both);
    assertTrue(a.ndcg() > p.ndcg(), both);
    assertTrue(a.auc() > p.auc(), both);
  }

  @Test
  void movieLens100kPositives() throws IOException {
    Interactions data =
        RankingQuality.movieLensPositives(SharedDatasets.require("ml-100k/u.data"));
    Outcome o = RankingQuality.run(data, new Protocol(32, 8, LAMBDAS, ALPHAS, false, 10),
        System.out::println);
    assertAlsBeatsPopularity("ml-100k", o);
  }

  @Test
  void lastFmPlayCounts() throws IOException {
    Interactions data = RankingQuality.lastFm(
        SharedDatasets.require("hetrec2011-lastfm-2k/user_artists.dat"));
    Outcome o = RankingQuality.run(data, new Protocol(32, 8, LAMBDAS, ALPHAS, true, 10),
        System.out::println);
    assertAlsBeatsPopularity("Last.fm", o);
  }
}
