package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.sweep.RatingScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Choosing a variant, the refusals of bad input, and descent of the explicit objective. */
class AlsVariantsTest {

  private static CsrMatrix ratings() {
    return AlsTrainerTest.randomMatrix(4, 80, 50, 20);
  }

  private static void refuse(String mustName, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(mustName), "message should name " + mustName + ": " + x.getMessage());
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    refuse("lambda", () -> AlsConfig.builder().variant(AlsVariant.EXPLICIT).lambda(0).build());
    refuse("EXPLICIT_BIASED", () -> AlsConfig.builder().variant(AlsVariant.EXPLICIT_BIASED).lambda(0).build());
    refuse("ALS-WR", () -> AlsConfig.builder().lambda(0).lambdaScaledByCount(true).build());
    refuse("explicit variants only", () -> AlsConfig.builder()
        .weighting(ExplicitWeighting.linearPopularity(1, 1)).build());
    refuse("ratingScale", () -> AlsConfig.builder().ratingScale(1, 5).build());
    refuse("rating scale", () -> new RatingScale(5, 1));
    refuse("rating scale", () -> new RatingScale(Float.NaN, 1));
    refuse("w0", () -> ExplicitWeighting.linearPopularity(-1, 1));
    refuse("w0 and wk", () -> ExplicitWeighting.linearPopularity(0, 0));
    refuse("exponent", () -> ExplicitWeighting.exponentialPopularity(0, Float.NaN));
    refuse("computeLoss", () -> AlsConfig.builder().variant(AlsVariant.IMPLICIT_BIASED)
        .computeLoss(true).build());
    refuse("variant", () -> AlsConfig.builder().variant(null).build());
    refuse("nu must be in [0, 1]", () -> AlsConfig.builder().nu(1.01f).build());
    refuse("nu must be in [0, 1]", () -> AlsConfig.builder().nu(-0.1f).build());
    refuse("nu must be in [0, 1]", () -> AlsConfig.builder().nu(Float.NaN).build());
    refuse("set one of them", () -> AlsConfig.builder().nu(0.5f).lambdaScaledByCount(true).build());
    refuse("unobservedWeight", () -> AlsConfig.builder().nu(0.5f).unobservedWeight(-1f).build());
    refuse("no unobserved pairs", () -> AlsConfig.builder().variant(AlsVariant.EXPLICIT).nu(0.5f)
        .unobservedWeight(0.5f).build());
  }

  @Test
  void unobservedWeightIsDerivedOnlyWhenNuScales() {
    assertEquals(0f, AlsConfig.builder().alpha(4f).build().unobservedWeight());
    assertEquals(0.25f, AlsConfig.builder().alpha(4f).nu(0.5f).build().unobservedWeight());
    assertEquals(0f, AlsConfig.builder().variant(AlsVariant.EXPLICIT).nu(0.5f).build()
        .unobservedWeight());
    assertEquals(0.1f, AlsConfig.builder().alpha(4f).nu(0.5f).unobservedWeight(0.1f).build()
        .unobservedWeight());
  }

  @Test
  void nuZeroIgnoresTheUnobservedWeightBitForBit() {
    AlsConfig.Builder plain = AlsConfig.builder().factors(6).lambda(0.5f).alpha(3f).iterations(3)
        .threads(1).initScale(0.1f);
    AlsConfig.Builder zero = AlsConfig.builder().factors(6).lambda(0.5f).alpha(3f).iterations(3)
        .threads(1).initScale(0.1f).nu(0f).unobservedWeight(7f);
    FactorModel a = new AlsTrainer(plain.build()).fit(ratings());
    FactorModel b = new AlsTrainer(zero.build()).fit(ratings());
    assertArrayEquals(a.userFactors(), b.userFactors());
    assertArrayEquals(a.itemFactors(), b.itemFactors());
    FactorModel c = new AlsTrainer(zero.nu(0.5f).build()).fit(ratings());
    assertFalse(Arrays.equals(a.userFactors(), c.userFactors()),
        "and a ν > 0 does change the model");
  }

  @Test
  void badRatingsAndWeightsAreRefusedNamingTheEntry() {
    CsrMatrix r = new CsrBuilder().add(0, 1, 4f).add(1, 0, 7f).build(2, 2);
    AlsConfig scaled = AlsConfig.builder().variant(AlsVariant.EXPLICIT).ratingScale(1, 5).factors(2)
        .threads(1).build();
    refuse("user row 1, item column 0", () -> new AlsTrainer(scaled).fit(r));
    refuse("[1.0, 5.0]", () -> new AlsTrainer(scaled).fit(r));

    CsrMatrix zeroWeight = CsrMatrix.of(2, 2, r.indptr(), r.indices(), new float[] {1f, 0f});
    AlsConfig perEntry = AlsConfig.builder().variant(AlsVariant.EXPLICIT).factors(2).threads(1)
        .weighting(ExplicitWeighting.perEntry(zeroWeight)).build();
    refuse("per-entry weight 0.0 of user row 1, item column 0", () -> new AlsTrainer(perEntry).fit(r));

    CsrMatrix otherShape = new CsrBuilder().add(0, 0, 1f).add(1, 0, 1f).build(2, 2);
    AlsConfig misaligned = AlsConfig.builder().variant(AlsVariant.EXPLICIT).factors(2).threads(1)
        .weighting(ExplicitWeighting.perEntry(otherShape)).build();
    refuse("ratings' shape", () -> new AlsTrainer(misaligned).fit(r));
    refuse("stored entries", () -> new AlsTrainer(misaligned).fit(r));

    AlsConfig underflow = AlsConfig.builder().variant(AlsVariant.EXPLICIT).factors(2).threads(1)
        .weighting(ExplicitWeighting.exponentialPopularity(0, 1e6f)).build();
    CsrMatrix popular = new CsrBuilder().add(0, 0, 3f).add(1, 0, 3f).build(2, 1);
    refuse("item column 0", () -> new AlsTrainer(underflow).fit(popular));
  }

  @Test
  void explicitObjectiveNeverRisesForAnyExplicitVariant() {
    CsrMatrix r = ratings();
    for (AlsVariant v : new AlsVariant[] {AlsVariant.EXPLICIT, AlsVariant.EXPLICIT_BIASED}) {
      for (boolean wr : new boolean[] {false, true}) {
        List<Double> losses = new ArrayList<>();
        AlsConfig config = AlsConfig.builder().variant(v).factors(6).lambda(wr ? 0.05f : 1f)
            .lambdaScaledByCount(wr).weighting(ExplicitWeighting.exponentialPopularity(0.2f, 0.5f))
            .iterations(8).threads(2).computeLoss(true).listener(e -> losses.add(e.loss())).build();
        FactorModel m = new AlsTrainer(config).fit(r);
        for (int i = 1; i < losses.size(); i++) {
          assertTrue(losses.get(i) <= losses.get(i - 1) * (1 + 1e-6), v + " wr=" + wr + ": " + losses);
        }
        assertEquals(v.isBiased(), m.hasBiases());
      }
    }
  }

  @Test
  void implicitDefaultIsUnchangedAndUnbiased() {
    AlsConfig c = AlsConfig.builder().build();
    assertEquals(AlsVariant.IMPLICIT, c.variant());
    assertTrue(c.weighting() instanceof ExplicitWeighting.Uniform);
    FactorModel m = new AlsTrainer(AlsConfig.builder().factors(3).iterations(2).threads(1).build())
        .fit(ratings());
    assertTrue(!m.hasBiases() && m.globalMean() == 0f);
    assertEquals(m.score(1, 2), m.predict(1, 2));
  }
}
