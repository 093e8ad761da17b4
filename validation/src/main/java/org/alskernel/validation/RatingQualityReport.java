package org.alskernel.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.eval.RatingBaselines;
import org.alskernel.eval.RatingMetrics.Errors;
import org.alskernel.eval.RatingMetrics.RatingPredictor;
import org.alskernel.eval.RatingMetrics;
import org.alskernel.io.Formats;
import org.alskernel.model.FactorModel;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.sweep.RatingScale;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;

/**
 * Prints the "Rating quality" tables of docs/quality.md: train and test RMSE/MAE of the baselines and
 * of every ALS variant, each tuned by a small grid search on a validation split carved from the
 * training data only (docs/quality.md states the protocol).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp CLASSPATH org.alskernel.validation.RatingQualityReport [DATASETS_DIR]</pre>
 */
public final class RatingQualityReport {
  static final int[] GRID_K = {2, 5, 10, 20, 50};
  static final float[] GRID_LAMBDA = {1, 2, 5, 10, 20, 40};
  static final float[] GRID_LAMBDA_WR = {0.02f, 0.05f, 0.1f, 0.2f, 0.4f};
  static final int[] GRID_ITERATIONS = {5, 10, 20};
  static final int MIN_USER_TRAIN = 10;
  static final long SEED = 42;

  private RatingQualityReport() {}

  /** One model of the family with the settings the grid does not vary. */
  public record Candidate(String name, AlsVariant variant, boolean wr, ExplicitWeighting weighting) {
    AlsConfig config(int k, float lambda, int iterations, RatingScale scale) {
      return AlsConfig.builder().variant(variant).factors(k).lambda(lambda).lambdaScaledByCount(wr)
          .weighting(weighting).ratingScale(scale.min(), scale.max()).iterations(iterations)
          .seed(SEED).threads(1).initScale(0.1f).build();
    }
  }

  /** The winner of a grid search and its validation RMSE. */
  public record Choice(int k, float lambda, int iterations, double validationRmse) {}

  static List<Candidate> candidates() {
    return List.of(
        new Candidate("explicit", AlsVariant.EXPLICIT, false, ExplicitWeighting.uniform()),
        new Candidate("explicit, ALS-WR", AlsVariant.EXPLICIT, true, ExplicitWeighting.uniform()),
        new Candidate("weighted explicit, linear w = 1 + 20/c_i", AlsVariant.EXPLICIT, false,
            ExplicitWeighting.linearPopularity(1, 20)),
        new Candidate("weighted explicit, exponential w = 0.2 + (1/c_i)^0.5", AlsVariant.EXPLICIT,
            false, ExplicitWeighting.exponentialPopularity(0.2f, 0.5f)),
        new Candidate("biased explicit", AlsVariant.EXPLICIT_BIASED, false, ExplicitWeighting.uniform()),
        new Candidate("biased explicit, ALS-WR", AlsVariant.EXPLICIT_BIASED, true,
            ExplicitWeighting.uniform()));
  }

  /**
   * Grid search over k, λ and the iteration count, training on {@code split.train()} and scoring
   * {@code split.test()} (the validation part). Iteration counts are read off one run per (k, λ):
   * a run stopped after n iterations is bit for bit a fit with n iterations.
   */
  public static Choice search(Candidate c, RatingSplits.Split split, RatingScale scale) {
    Choice best = null;
    float[] lambdas = c.wr() ? GRID_LAMBDA_WR : GRID_LAMBDA;
    int maxIterations = GRID_ITERATIONS[GRID_ITERATIONS.length - 1];
    for (int k : GRID_K) {
      for (float lambda : lambdas) {
        try (AlsSession s = new AlsSession(split.train(), c.config(k, lambda, maxIterations, scale))) {
          int done = 0;
          for (int iterations : GRID_ITERATIONS) {
            for (; done < iterations; done++) {
              s.iterate();
            }
            double rmse = RatingMetrics.evaluate(s.toModel()::predict, split.test(), scale).rmse();
            if (best == null || rmse < best.validationRmse()) {
              best = new Choice(k, lambda, iterations, rmse);
            }
          }
        }
      }
    }
    return best;
  }

  /** Trains {@code c} with the chosen settings on the training part. */
  public static FactorModel fit(Candidate c, Choice choice, CsrMatrix train, RatingScale scale) {
    try (AlsSession s = new AlsSession(train, c.config(choice.k(), choice.lambda(),
        choice.iterations(), scale))) {
      for (int it = 0; it < choice.iterations(); it++) {
        s.iterate();
      }
      return s.toModel();
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
    RatingScale stars = new RatingScale(1, 5);
    Path ml100k = dir.resolve("ml-100k/u.data");
    if (Files.exists(ml100k)) {
      Interactions data = Formats.MOVIELENS_100K.read(ml100k);
      report("ml-100k, temporal 80/20, validation = last 10% of train by time", stars,
          RatingSplits.temporal(data, 0.8, MIN_USER_TRAIN),
          RatingSplits.temporalWindow(data, 0.72, 0.8, MIN_USER_TRAIN));
    }
    Path small = dir.resolve("ml-latest-small/ratings.csv");
    if (Files.exists(small)) {
      Interactions data = Formats.MOVIELENS_CSV.read(small);
      RatingSplits.Split split = RatingSplits.random(data, 0.8, MIN_USER_TRAIN, SEED);
      // The validation split is carved from the training entries only: a random 10% of them.
      Interactions trainOnly = toInteractions(data, split.train());
      report("ml-latest-small, random 80/20 (seed 42), validation = random 10% of train (seed 42)",
          new RatingScale(0.5f, 5), split, RatingSplits.random(trainOnly, 0.9, MIN_USER_TRAIN, SEED));
    }
  }

  private static Interactions toInteractions(Interactions source, CsrMatrix m) {
    int n = m.nnz();
    int[] users = new int[n];
    int[] indptr = m.indptr();
    for (int u = 0; u < m.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        users[p] = u;
      }
    }
    return new Interactions(source.users(), source.items(), users, m.indices().clone(),
        m.values().clone(), null);
  }

  private static void report(String title, RatingScale scale, RatingSplits.Split split,
      RatingSplits.Split validation) {
    System.out.printf("%n### %s%n%n", title);
    System.out.printf("train %,d ratings, test %,d (after filters), validation train %,d / %,d%n%n",
        split.train().nnz(), split.test().nnz(), validation.train().nnz(), validation.test().nnz());
    System.out.println("| model | k | λ | iterations | validation RMSE | train RMSE | train MAE | test RMSE | test MAE |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    row("global mean", "", RatingBaselines.globalMean(split.train()), split, scale);
    row("item bias (μ + γ_i, damping 5)", "", RatingBaselines.itemBias(split.train(), 5), split,
        scale);
    for (Candidate c : candidates()) {
      long start = System.nanoTime();
      Choice choice = search(c, validation, scale);
      FactorModel model = fit(c, choice, split.train(), scale);
      String settings = String.format("%d | %s | %d | %.4f", choice.k(), choice.lambda(),
          choice.iterations(), choice.validationRmse());
      row(c.name(), settings, model::predict, split, scale);
      System.err.printf("%s: %.1f s%n", c.name(), (System.nanoTime() - start) / 1e9);
    }
    // The implicit variants model preference (0..1), not stars: shown at one fixed setting to make
    // the point that they are not rating predictors; their place is the ranking tables.
    for (AlsVariant v : new AlsVariant[] {AlsVariant.IMPLICIT, AlsVariant.IMPLICIT_BIASED}) {
      AlsConfig config = AlsConfig.builder().variant(v).factors(10).lambda(1).alpha(1)
          .iterations(10).seed(SEED).threads(1).initScale(0.1f).build();
      try (AlsSession s = new AlsSession(split.train(), config)) {
        for (int it = 0; it < config.iterations(); it++) {
          s.iterate();
        }
        row(v.name().toLowerCase().replace('_', ' ') + " (α = 1, fixed)", "10 | 1.0 | 10 | –",
            s.toModel()::predict, split, scale);
      }
    }
  }

  private static void row(String name, String settings, RatingPredictor p, RatingSplits.Split split,
      RatingScale scale) {
    Errors train = RatingMetrics.evaluate(p, split.train(), scale);
    Errors test = RatingMetrics.evaluate(p, split.test(), scale);
    String s = settings.isEmpty() ? " | | | " : settings;
    System.out.printf("| %s | %s | %.4f | %.4f | %.4f | %.4f |%n", name, s, train.rmse(), train.mae(),
        test.rmse(), test.mae());
  }

  static List<String> names() {
    List<String> n = new ArrayList<>();
    candidates().forEach(c -> n.add(c.name()));
    return n;
  }
}
