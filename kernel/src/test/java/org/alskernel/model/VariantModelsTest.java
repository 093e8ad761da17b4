package org.alskernel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.store.ModelFile;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.sweep.Weighting;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every member of the family, trained, saved, loaded and folded in: the loaded model is the trained
 * one bit for bit (factors, biases, μ, counts, settings, every prediction), and folding in a trained
 * user's own row against the final item side gives what one more user half-sweep gives that row.
 * Fold-in runs the trainer's own sweep code with the same Gram terms, so the comparison is exact (no
 * tolerance): any difference means fold-in solved another equation.
 */
public class VariantModelsTest {
  @TempDir Path dir;

  /** A case: its name, its configuration, and whether its weights are per entry. */
  record Case(String name, AlsConfig.Builder config, boolean perEntry) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final CsrMatrix RATINGS = ratings(11, 90, 60);
  static final CsrMatrix ENTRY_WEIGHTS = entryWeights(RATINGS);

  static Stream<Case> cases() {
    return Stream.of(
        new Case("implicit", base(), false),
        new Case("implicit, log confidence", base().logConfidence(2f), false),
        new Case("implicit, lambda scaled by count", base().lambdaScaledByCount(true), false),
        new Case("implicit biased", base().variant(AlsVariant.IMPLICIT_BIASED), false),
        new Case("implicit, frequency-scaled lambda", base().nu(0.5f).lambda(0.05f), false),
        new Case("implicit biased, frequency-scaled lambda with a given A0",
            base().variant(AlsVariant.IMPLICIT_BIASED).nu(0.8f).unobservedWeight(0.1f)
                .lambda(0.05f), false),
        new Case("explicit biased, frequency-scaled lambda", explicit(true).nu(0.6f), false),
        new Case("explicit", explicit(false), false),
        new Case("explicit biased", explicit(true), false),
        new Case("explicit, ALS-WR", explicit(false).lambdaScaledByCount(true).lambda(0.05f), false),
        new Case("explicit biased, linear popularity weights",
            explicit(true).weighting(ExplicitWeighting.linearPopularity(0.5f, 3f)), false),
        new Case("explicit, exponential popularity weights",
            explicit(false).weighting(ExplicitWeighting.exponentialPopularity(0.1f, 0.7f)), false),
        new Case("explicit biased, per-entry weights",
            explicit(true).weighting(ExplicitWeighting.perEntry(ENTRY_WEIGHTS)), true));
  }

  private static AlsConfig.Builder base() {
    return AlsConfig.builder().factors(7).lambda(0.5f).alpha(3f).threads(2).initScale(0.1f)
        .iterations(3);
  }

  private static AlsConfig.Builder explicit(boolean biased) {
    return base().variant(biased ? AlsVariant.EXPLICIT_BIASED : AlsVariant.EXPLICIT)
        .ratingScale(1, 5);
  }

  /** Ratings 1..5 of distinct items; every 13th user has none, so empty rows are covered too. */
  public static CsrMatrix ratings(long seed, int users, int items) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < users; u++) {
      int n = u % 13 == 0 ? 0 : 2 + rnd.nextInt(15);
      int user = u;
      for (int i : rnd.ints(0, items).distinct().limit(n).toArray()) {
        b.add(user, i, 1 + rnd.nextInt(5));
      }
    }
    return b.build(users, items);
  }

  private static CsrMatrix entryWeights(CsrMatrix r) {
    float[] w = new float[r.nnz()];
    for (int p = 0; p < w.length; p++) {
      w[p] = 0.25f + (p % 7) * 0.5f;
    }
    return CsrMatrix.of(r.rows(), r.cols(), r.indptr().clone(), r.indices().clone(), w);
  }

  /** The case trained for its iterations plus one user half-sweep, as a model with index ids. */
  private static AlsModel trained(Case c) {
    AlsConfig config = c.config.build();
    try (AlsSession session = new AlsSession(RATINGS, config)) {
      for (int it = 0; it < config.iterations(); it++) {
        session.iterate();
      }
      session.updateUsers(); // the users are now solved against the items the model keeps
      ModelSettings settings = config.modelSettings();
      int[] counts = settings.weighting().needsItemCounts() ? RATINGS.columnCounts() : null;
      return AlsModel.withIndexIds(session.toModel(), settings, counts);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void foldInGivesWhatOneMoreUserSweepGives(Case c) {
    AlsModel model = trained(c);
    for (int u = 0; u < RATINGS.rows(); u++) {
      UserVector v = foldIn(model, c, u);
      assertArrayEquals(model.factors().userVector(u), v.factors(), c + ": user " + u);
      assertEquals(model.factors().userBias(u), v.bias(), c + ": bias of user " + u);
    }
  }

  private static UserVector foldIn(AlsModel model, Case c, int u) {
    int from = RATINGS.indptr()[u];
    int to = RATINGS.indptr()[u + 1];
    int[] items = Arrays.copyOfRange(RATINGS.indices(), from, to);
    float[] values = Arrays.copyOfRange(RATINGS.values(), from, to);
    return c.perEntry
        ? model.foldIn(items, values, Arrays.copyOfRange(ENTRY_WEIGHTS.values(), from, to))
        : model.foldIn(items, values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void saveAndLoadKeepEveryBit(Case c) throws IOException {
    AlsModel model = trained(c);
    Path file = dir.resolve("model.als");
    ModelFile.save(model, file);
    AlsModel loaded = ModelFile.load(file);
    assertEquals(model.settings(), loaded.settings());
    assertArrayEquals(model.itemCounts(), loaded.itemCounts());
    FactorModel a = model.factors();
    FactorModel b = loaded.factors();
    assertEquals(a.hasBiases(), b.hasBiases());
    assertEquals(Float.floatToRawIntBits(a.globalMean()), Float.floatToRawIntBits(b.globalMean()));
    assertTrue(Arrays.equals(a.userFactors(), b.userFactors()));
    assertTrue(Arrays.equals(a.itemFactors(), b.itemFactors()));
    for (int u = 0; u < a.users(); u++) {
      assertEquals(Float.floatToRawIntBits(a.userBias(u)), Float.floatToRawIntBits(b.userBias(u)));
      for (int i = 0; i < a.items(); i++) {
        assertEquals(Float.floatToRawIntBits(a.predict(u, i)),
            Float.floatToRawIntBits(b.predict(u, i)), c + ": predict " + u + ", " + i);
        assertEquals(Float.floatToRawIntBits(model.score(u, i)),
            Float.floatToRawIntBits(loaded.score(u, i)));
      }
    }
    for (int i = 0; i < a.items(); i++) {
      assertEquals(Float.floatToRawIntBits(a.itemBias(i)), Float.floatToRawIntBits(b.itemBias(i)));
    }
    for (int u = 1; u < 6; u++) {
      UserVector before = foldIn(model, c, u);
      UserVector after = foldIn(loaded, c, u);
      assertArrayEquals(before.factors(), after.factors(), c + ": fold-in after loading");
      assertEquals(before.bias(), after.bias());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rankedListsAreOrderedByThePrediction(Case c) {
    AlsModel model = trained(c);
    float[] scores = new float[model.itemCount()];
    for (int u = 0; u < model.userCount(); u += 7) {
      model.scoreAll(u, scores);
      for (int i = 0; i < scores.length; i++) {
        assertEquals(model.factors().predict(u, i), scores[i], 1e-5f * (1 + Math.abs(scores[i])),
            c + ": score of user " + u + ", item " + i + " is its prediction");
      }
      List<Scored> top = model.recommend(u, 5);
      for (int j = 1; j < top.size(); j++) {
        assertTrue(top.get(j - 1).score() >= top.get(j).score());
      }
      int best = 0;
      for (int i = 1; i < scores.length; i++) {
        if (scores[i] > scores[best]) {
          best = i;
        }
      }
      assertEquals(best, top.getFirst().index(), c + ": the best item of user " + u);
      assertEquals(top, model.recommend(new int[] {u}, 5, null, null).getFirst());
      UserVector v = new UserVector(model.factors().userVector(u), model.factors().userBias(u));
      assertEquals(top, model.recommend(v, 5, null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void perEntryWeightsAreAskedForExactlyWhenTheModelUsedThem(Case c) {
    AlsModel model = trained(c);
    int[] items = {1, 2};
    float[] values = {4f, 5f};
    if (c.perEntry) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.foldIn(items, values));
      assertTrue(e.getMessage().contains("per-entry"), e.getMessage());
    } else {
      assertThrows(IllegalArgumentException.class,
          () -> model.foldIn(items, values, new float[] {1f, 1f}));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainerModelsCarryTheirVariant(Case c) throws IOException {
    AlsConfig config = c.config.build();
    Interactions data = FoldInTest.interactions(RATINGS);
    AlsModel model = new AlsTrainer(config).fit(data);
    assertEquals(config.variant(), model.settings().variant());
    assertEquals(config.variant().isBiased(), model.factors().hasBiases());
    Path file = dir.resolve("fit.als");
    ModelFile.save(model, file);
    AlsModel loaded = ModelFile.load(file);
    assertEquals(model.factors().predict(0 + 1, 0), loaded.factors().predict(1, 0));
    assertEquals(model.settings(), loaded.settings());
  }
}
