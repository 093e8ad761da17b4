package org.alskernel.validation;

import static org.alskernel.validation.SessionVsReferenceTest.ITERATION_TOL;
import static org.alskernel.validation.SessionVsReferenceTest.OPS_AGREE_TOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.Confidence;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.alskernel.validation.ReferenceImplicitAls.FactorPair;
import org.alskernel.validation.ReferenceImplicitAls.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-iteration checks of every variant through AlsSession (the kernel's own weights, per-row λ,
 * biased layout and shared terms): one iteration against the reference, scalar vs vector, bitwise
 * thread-count determinism, the prediction μ + β_u + γ_i + x_uᵀy_i, and implicit negative feedback.
 * Tolerances are SessionVsReferenceTest's (docs/math.md, "Tolerances of the variants").
 */
class VariantSessionTest {
  static final int USERS = 40;
  static final int ITEMS = 60;

  private static final Fixtures.Report REPORT = new Fixtures.Report("VariantSessionTest measured errors");
  private static final double[] WORST = new double[2];

  @AfterAll
  static void report() {
    REPORT.add(String.format("worst: iteration %.3g, scalar-vs-vector %.3g", WORST[0], WORST[1]));
    REPORT.print();
  }

  private static synchronized void worst(int i, double v, String where) {
    if (v > WORST[i]) {
      WORST[i] = v;
      REPORT.add(String.format("new worst[%d] %.3g at %s", i, v, where));
    }
  }

  /** The session's factors after one iteration, augmented with the biases when biased. */
  private static double[][] iterate(AlsSession s, float[] y0, float[] gamma0, int k) {
    s.setItemFactors(y0);
    if (gamma0 != null) {
      s.setItemBiases(gamma0);
    }
    s.iterate();
    if (gamma0 == null) {
      return new double[][] {ReferenceImplicitAls.toDouble(s.userFactors()),
          ReferenceImplicitAls.toDouble(s.itemFactors())};
    }
    return new double[][] {VariantCases.augment(s.userFactors(), s.userBiases(), k),
        VariantCases.augment(s.itemFactors(), s.itemBiases(), k)};
  }

  private static void compare(String where, List<double[][]> results, FactorPair expected) {
    for (double[][] f : results) {
      double e = Math.max(Fixtures.relativeError(f[0], expected.users()),
          Fixtures.relativeError(f[1], expected.items()));
      worst(0, e, where);
      assertTrue(e <= ITERATION_TOL, where + ": factors off by " + e);
    }
    double agree = Math.max(Fixtures.relativeError(results.get(0)[0], results.get(1)[0]),
        Fixtures.relativeError(results.get(0)[1], results.get(1)[1]));
    worst(1, agree, where + " scalar vs vector");
    assertTrue(agree <= OPS_AGREE_TOL, where + ": scalar vs vector differ by " + agree);
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17})
  void explicitVariantsMatchReferenceAfterOneIteration(int k) {
    CsrMatrix r = Fixtures.adversarial(USERS, ITEMS, 0.25, 5f, 700 + k);
    CsrMatrix perEntry = VariantCases.perEntryWeights(r, 5);
    float[] y0 = Fixtures.gaussian(ITEMS, k, 0.1, 800 + k);
    for (VariantCases.Explicit c : VariantCases.explicitCases()) {
      float[] gamma0 = c.biased() ? Fixtures.gaussian(ITEMS, 1, 0.3, 900 + k) : null;
      List<double[][]> results = new ArrayList<>();
      float mean = 0;
      for (VectorOps ops : Fixtures.allOps()) {
        try (AlsSession s = new AlsSession(r, c.config(k, perEntry, 1), ops)) {
          mean = s.globalMean();
          results.add(iterate(s, y0, gamma0, k));
        }
      }
      ReferenceExplicitAls ref = c.reference(r, perEntry, k, mean);
      double[] start = c.biased() ? VariantCases.augment(y0, gamma0, k) : ReferenceImplicitAls.toDouble(y0);
      compare(c.name() + " k=" + k, results, ref.iterate(start));
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17})
  void biasedImplicitMatchesReferenceAfterOneIteration(int k) {
    CsrMatrix r = Fixtures.adversarial(USERS, ITEMS, 0.2, 5f, 1700 + k);
    float[] y0 = Fixtures.gaussian(ITEMS, k, 0.1, 1800 + k);
    float[] gamma0 = Fixtures.gaussian(ITEMS, 1, 0.1, 1900 + k);
    for (Confidence conf : Confidence.values()) {
      List<double[][]> results = new ArrayList<>();
      for (VectorOps ops : Fixtures.allOps()) {
        try (AlsSession s = new AlsSession(r, VariantCases.implicitBiased(k, conf, 1), ops)) {
          results.add(iterate(s, y0, gamma0, k));
        }
      }
      ReferenceBiasedImplicitAls ref = new ReferenceBiasedImplicitAls(
          ReferenceImplicitAls.fromCsr(r, k, VariantCases.LAMBDA, 2, conf, 1));
      compare("biased implicit " + conf + " k=" + k, results,
          ref.iterate(VariantCases.augment(y0, gamma0, k)));
    }
  }

  @Test
  void threadCountDoesNotChangeOneBitOfAnyVariant() {
    CsrMatrix r = Fixtures.random(2100, 1300, 0.01, 78);
    CsrMatrix perEntry = VariantCases.perEntryWeights(r, 6);
    List<java.util.function.IntFunction<AlsConfig>> configs = new ArrayList<>();
    for (VariantCases.Explicit c : VariantCases.explicitCases()) {
      configs.add(t -> c.config(5, perEntry, t));
    }
    configs.add(t -> VariantCases.implicitBiased(5, Confidence.LINEAR, t));
    for (VectorOps ops : Fixtures.allOps()) {
      for (var config : configs) {
        float[][] first = null;
        for (int threads : new int[] {1, 2, 3, 1}) {
          try (AlsSession s = new AlsSession(r, config.apply(threads), ops)) {
            s.iterate();
            s.iterate();
            FactorModel m = s.toModel();
            float[][] got = {m.userFactors(), m.itemFactors(), biases(m)};
            if (first == null) {
              first = got;
            } else {
              String where = ops.name() + " " + config.apply(threads).variant() + " threads=" + threads;
              for (int i = 0; i < got.length; i++) {
                assertTrue(Arrays.equals(first[i], got[i]), where + ": part " + i + " differs");
              }
            }
          }
        }
      }
    }
  }

  private static float[] biases(FactorModel m) {
    float[] b = new float[m.users() + m.items()];
    for (int u = 0; u < m.users(); u++) {
      b[u] = m.userBias(u);
    }
    for (int i = 0; i < m.items(); i++) {
      b[m.users() + i] = m.itemBias(i);
    }
    return b;
  }

  @Test
  void biasedModelPredictsMeanPlusBiasesPlusDot() {
    CsrMatrix r = Fixtures.random(30, 20, 0.4, 9);
    VariantCases.Explicit c = VariantCases.explicitCases().stream()
        .filter(e -> e.biased() && !e.wr() && e.nu() == 0f
            && e.weights() == VariantCases.Weights.UNIFORM)
        .findFirst().orElseThrow();
    try (AlsSession s = new AlsSession(r, c.config(4, null, 1))) {
      s.iterate();
      FactorModel m = s.toModel();
      assertEquals(ReferenceExplicitAls.meanOf(r), m.globalMean(), 1e-6);
      float[] x = m.userVector(3);
      float[] y = m.itemVector(7);
      double dot = 0;
      for (int f = 0; f < 4; f++) {
        dot += x[f] * y[f];
      }
      assertEquals(m.globalMean() + s.userBiases()[3] + s.itemBiases()[7] + dot, m.predict(3, 7), 1e-5);
      assertEquals(m.score(3, 7) + m.globalMean() + m.userBias(3) + m.itemBias(7), m.predict(3, 7), 1e-6);
    }
  }

  /**
   * Implicit negative feedback (as in the {@code implicit} library and Spark MLlib): r &lt; 0 means
   * preference 0 with confidence 1 + α·|r|. It adds (c − 1)·y yᵀ to A but nothing to b, so a user
   * whose only entry is negative gets x = 0 exactly, and flipping a sign leaves A as it was while b
   * loses that item's c·y. Checked against the reference (which has no special case: it applies the
   * definitions of c and p to every pair).
   */
  @Test
  void negativeImplicitFeedbackAddsConfidenceButNoPreference() {
    int k = 5;
    CsrBuilder b = new CsrBuilder();
    b.add(0, 3, -4f);                          // only a dislike
    b.add(1, 3, 4f);                           // the same strength, liked
    b.add(2, 3, -4f).add(2, 5, 2f).add(2, 8, 1f);
    b.add(3, 3, 4f).add(3, 5, 2f).add(3, 8, 1f);
    CsrMatrix r = b.build(4, 10);
    float[] y0 = Fixtures.gaussian(10, k, 0.3, 21);
    ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, k, 0.5, 3, Confidence.LINEAR, 1);
    double[] y0d = ReferenceImplicitAls.toDouble(y0);
    // Same A for a dislike and a like of the same strength; b differs by c·y_3.
    ReferenceImplicitAls.NormalSystem dislike = ref.buildSystem(Side.USER, 2, y0d);
    ReferenceImplicitAls.NormalSystem like = ref.buildSystem(Side.USER, 3, y0d);
    assertArrayEquals(like.a(), dislike.a(), 1e-12);
    for (int f = 0; f < k; f++) {
      assertEquals(like.b()[f] - 13 * y0d[3 * k + f], dislike.b()[f], 1e-12);
    }
    for (VectorOps ops : Fixtures.allOps()) {
      AlsConfig config = AlsConfig.builder().factors(k).lambda(0.5f).alpha(3).iterations(1).threads(1)
          .seed(2).build();
      try (AlsSession s = new AlsSession(r, config, ops)) {
        s.setItemFactors(y0);
        s.updateUsers();
        float[] x = s.userFactors();
        double[] expected = ref.updateUsers(y0d);
        assertTrue(Fixtures.relativeError(x, expected) <= ITERATION_TOL, ops.name());
        for (int f = 0; f < k; f++) {
          assertEquals(0f, x[f], ops.name() + ": a user with only a dislike must get x = 0");
        }
        assertTrue(Math.abs(x[k]) > 0, "the liked twin gets a non-zero vector");
      }
    }
  }
}
