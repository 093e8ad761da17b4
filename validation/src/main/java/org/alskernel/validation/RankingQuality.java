package org.alskernel.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.alskernel.data.Interactions;
import org.alskernel.eval.PopularityRanker;
import org.alskernel.eval.Ranker;
import org.alskernel.eval.RankingEvaluator;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import org.alskernel.io.Formats;
import org.alskernel.model.AlsModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;

/**
 * The ranking-quality protocol of docs/quality.md, shared by {@link RankingQualityReport} (the
 * documented run) and the CI test (a smaller grid): split 80/20 over all entries (seed 42), carve a
 * validation split of 10% from the training part only (seed 43), pick λ and α on it by nDCG@k, retrain
 * on the whole training part and compare with popularity on the test part.
 */
public final class RankingQuality {
  /** How the protocol is run: grid, model size, iterations, confidence. */
  public record Protocol(int factors, int iterations, float[] lambdas, float[] alphas,
      boolean logConfidence, int k) {}

  /** The chosen setting and the test metrics of ALS and of popularity. */
  public record Outcome(float lambda, float alpha, RankingMetrics als, RankingMetrics popularity) {}

  private RankingQuality() {}

  /** ml-100k {@code u.data}: ratings ≥ 4 become interactions of value 1, the rest are dropped. */
  public static Interactions movieLensPositives(Path uData) throws IOException {
    Interactions all = Formats.MOVIELENS_100K.read(uData);
    int n = 0;
    for (float v : all.value()) {
      if (v >= 4f) {
        n++;
      }
    }
    int[] users = new int[n];
    int[] items = new int[n];
    float[] ones = new float[n];
    long[] times = new long[n];
    int o = 0;
    for (int e = 0; e < all.size(); e++) {
      if (all.value()[e] >= 4f) {
        users[o] = all.userIndex()[e];
        items[o] = all.itemIndex()[e];
        ones[o] = 1f;
        times[o] = all.timestamp()[e];
        o++;
      }
    }
    // The id maps keep users and items whose every rating was < 4: they simply have empty rows.
    return new Interactions(all.users(), all.items(), users, items, ones, times);
  }

  /** Last.fm HetRec {@code user_artists.dat}: play counts as they are. */
  public static Interactions lastFm(Path userArtists) throws IOException {
    return Formats.LASTFM_USER_ARTISTS.read(userArtists);
  }

  public static Outcome run(Interactions data, Protocol p, Consumer<String> log) {
    Split outer = Splits.random(data, 0.2, 42);
    Split inner = Splits.random(outer.train(), 0.1, 43);
    float bestLambda = Float.NaN;
    float bestAlpha = Float.NaN;
    double bestNdcg = Double.NEGATIVE_INFINITY;
    for (float lambda : p.lambdas()) {
      for (float alpha : p.alphas()) {
        AlsModel model = train(inner.train(), p, lambda, alpha);
        RankingMetrics m = RankingEvaluator.evaluate(Ranker.of(model), inner, p.k());
        log.accept(String.format("  validation  lambda %-6s alpha %-6s %s", lambda, alpha, m));
        if (m.ndcg() > bestNdcg) {
          bestNdcg = m.ndcg();
          bestLambda = lambda;
          bestAlpha = alpha;
        }
      }
    }
    AlsModel model = train(outer.train(), p, bestLambda, bestAlpha);
    RankingMetrics als = RankingEvaluator.evaluate(Ranker.of(model), outer, p.k());
    RankingMetrics pop =
        RankingEvaluator.evaluate(PopularityRanker.fit(outer.train().toCsr()), outer, p.k());
    log.accept(String.format("  test  ALS (lambda %s, alpha %s)  %s", bestLambda, bestAlpha, als));
    log.accept(String.format("  test  popularity                 %s", pop));
    return new Outcome(bestLambda, bestAlpha, als, pop);
  }

  private static AlsModel train(Interactions train, Protocol p, float lambda, float alpha) {
    AlsConfig.Builder b = AlsConfig.builder().factors(p.factors()).iterations(p.iterations())
        .lambda(lambda).alpha(alpha).seed(42);
    if (p.logConfidence()) {
      b.logConfidence(1f);
    }
    return new AlsTrainer(b.build()).fit(train);
  }
}
