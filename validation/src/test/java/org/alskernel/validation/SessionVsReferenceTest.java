package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.NotPositiveDefiniteException;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-iteration checks (c), (d), (e), (f): one AlsSession iteration from given item factors against
 * the reference iteration, the kernel's loss against the direct m·n objective, scalar vs vector,
 * bitwise thread-count determinism, and the refusals (λ = 0 on rank-deficient rows, bad settings).
 */
class SessionVsReferenceTest {
  /**
   * ‖F − F_ref‖_F / ‖F_ref‖_F for the user and the item factors after one iteration. Each row is
   * within ≈ (n + k)·u·κ of its reference (RowSystemTest), and the item sweep inherits the user
   * sweep's error amplified by κ again; with λ = 0.5, init 0.1 and c ≤ 11 here κ ≤ 30, so the bound is
   * ≈ 100·6e-8·30² ≈ 5e-3. Measured ≤ 2e-6 for k ≤ 17 and 3.1e-5 for k = 64 (k > 40 users, so the
   * item systems are rank-deficient but for λ and κ is larger); 2e-4 keeps a 6× margin on the worst
   * case and still fails when one row's system loses a term (≈ 1e-2/√rows ≥ 1.5e-3 normwise).
   */
  static final double ITERATION_TOL = 2e-4;

  /**
   * |L_kernel − L_ref| / L_ref on the same (float) factors. The kernel evaluates ⟨XᵀX, YᵀY⟩ from float
   * Gram matrices (error ≈ m·u relative to the term) and then cancels it against Σ s² over the
   * observed pairs, so the relative error is ≈ u·(m + n)·(⟨G_X,G_Y⟩ / L); measured ≤ 9e-8, 1e-5 leaves
   * a 100× margin; dropping the λ term or one observed pair changes L by ≥ 1e-3.
   */
  static final double LOSS_TOL = 1e-5;

  /** Scalar vs vector factors after one iteration: each within ITERATION_TOL of the reference. */
  static final double OPS_AGREE_TOL = 2 * ITERATION_TOL;

  static final int USERS = 40;
  static final int ITEMS = 60;
  static final float LAMBDA = 0.5f;
  static final float ALPHA = 2f;
  static final float INIT = 0.1f;

  private static final Fixtures.Report REPORT = new Fixtures.Report("SessionVsReferenceTest measured errors");
  private static final double[] WORST = new double[3];

  @AfterAll
  static void report() {
    REPORT.add(String.format("worst: iteration %.3g, loss %.3g, scalar-vs-vector %.3g",
        WORST[0], WORST[1], WORST[2]));
    REPORT.print();
  }

  private static synchronized void worst(int i, double v, String where) {
    if (v > WORST[i]) {
      WORST[i] = v;
      REPORT.add(String.format("new worst[%d] %.3g at %s", i, v, where));
    }
  }

  static AlsConfig config(int k, float lambda, Confidence conf, int threads) {
    return builder(k, lambda, conf, threads).build();
  }

  static AlsConfig.Builder builder(int k, float lambda, Confidence conf, int threads) {
    AlsConfig.Builder b = AlsConfig.builder().factors(k).lambda(lambda).alpha(ALPHA).iterations(1)
        .seed(11).threads(threads).initScale(INIT);
    return conf == Confidence.LOG ? b.logConfidence(1f) : b.linearConfidence();
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17, 64})
  void oneIterationAndLossMatchReference(int k) {
    matchesReference(k, 0f, 0f);
  }

  /**
   * Frequency-scaled λ (ν = 0.5) with α₀ derived as 1/α and with α₀ given: the same tolerances, as λ_u
   * enters each row's system as λ does (λ_u ≤ λ·(60 + 30)^0.5 ≈ 5 here, so κ grows by less than
   * the margin).
   */
  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {3, 17})
  void frequencyScaledIterationAndLossMatchReference(int k) {
    matchesReference(k, 0.5f, Float.NaN);
    matchesReference(k, 0.5f, 0.25f);
  }

  /** One iteration and the loss against the reference; α₀ NaN: the one AlsConfig derives. */
  private static void matchesReference(int k, float nu, float unobservedWeight) {
    CsrMatrix r = Fixtures.adversarial(USERS, ITEMS, 0.2, 5f, 500 + k);
    float[] y0 = Fixtures.gaussian(ITEMS, k, INIT, 600 + k);
    for (Confidence conf : Confidence.values()) {
      AlsConfig.Builder b = builder(k, LAMBDA, conf, 1).nu(nu);
      if (!Float.isNaN(unobservedWeight)) {
        b.unobservedWeight(unobservedWeight);
      }
      AlsConfig config = b.build();
      assertEquals(Float.isNaN(unobservedWeight) ? (nu == 0f ? 0f : 1f / ALPHA) : unobservedWeight,
          config.unobservedWeight());
      ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, k, LAMBDA, ALPHA, conf, 1.0)
          .frequencyScaled(nu, config.unobservedWeight());
      ReferenceImplicitAls.FactorPair expected = ref.iterate(ReferenceImplicitAls.toDouble(y0));
      List<float[][]> results = new ArrayList<>();
      for (VectorOps ops : Fixtures.allOps()) {
        String where = ops.name() + " " + conf + " k=" + k + " nu=" + nu;
        try (AlsSession s = new AlsSession(r, config, ops)) {
          s.setItemFactors(y0);
          s.iterate();
          float[] x = s.userFactors();
          float[] y = s.itemFactors();
          double ex = Fixtures.relativeError(x, expected.users());
          double ey = Fixtures.relativeError(y, expected.items());
          worst(0, Math.max(ex, ey), where);
          assertTrue(ex <= ITERATION_TOL, where + ": user factors off by " + ex);
          assertTrue(ey <= ITERATION_TOL, where + ": item factors off by " + ey);

          double lossRef = ref.objective(ReferenceImplicitAls.toDouble(x), ReferenceImplicitAls.toDouble(y));
          double loss = s.loss();
          double el = Math.abs(loss - lossRef) / lossRef;
          worst(1, el, where + " L=" + lossRef);
          assertTrue(el <= LOSS_TOL, where + ": loss " + loss + " vs reference " + lossRef);
          results.add(new float[][] {x, y});
        }
      }
      double agree = Math.max(
          Fixtures.relativeError(results.get(0)[0], ReferenceImplicitAls.toDouble(results.get(1)[0])),
          Fixtures.relativeError(results.get(0)[1], ReferenceImplicitAls.toDouble(results.get(1)[1])));
      worst(2, agree, conf + " k=" + k);
      assertTrue(agree <= OPS_AGREE_TOL, "scalar vs vector factors differ by " + agree);
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {3, 17})
  void threadCountDoesNotChangeOneBit(int k) {
    // Big enough for several Gram blocks (512 rows each), objective blocks (1024) and sweep chunks.
    CsrMatrix r = Fixtures.random(2100, 1300, 0.01, 77);
    for (VectorOps ops : Fixtures.allOps()) {
      float[] x1 = null;
      float[] y1 = null;
      double l1 = 0;
      // 1 thread first and again last: the first run may be partly interpreted, the last is JIT-compiled.
      for (int threads : new int[] {1, 2, 3, 1}) {
        try (AlsSession s = new AlsSession(r, config(k, 0.1f, Confidence.LINEAR, threads), ops)) {
          s.iterate();
          s.iterate();
          double loss = s.loss();
          if (x1 == null) {
            x1 = s.userFactors();
            y1 = s.itemFactors();
            l1 = loss;
          } else {
            String where = ops.name() + " threads=" + threads;
            assertTrue(Arrays.equals(x1, s.userFactors()), where + ": user factors differ from 1 thread");
            assertTrue(Arrays.equals(y1, s.itemFactors()), where + ": item factors differ from 1 thread");
            assertEquals(Double.doubleToLongBits(l1), Double.doubleToLongBits(loss), where + ": loss differs");
          }
        }
      }
    }
  }

  @Test
  void lambdaZeroWithZeroItemFactorsThrowsNamingSideRowAndLambda() {
    CsrMatrix r = Fixtures.adversarial(10, 8, 0.5, 3f, 5);
    for (VectorOps ops : Fixtures.allOps()) {
      try (AlsSession s = new AlsSession(r, config(4, 0f, Confidence.LINEAR, 1), ops)) {
        float[] before = s.userFactors();
        s.setItemFactors(new float[8 * 4]);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, s::updateUsers);
        assertEquals("user", e.side());
        assertEquals(1, e.row(), "row 0 is empty (solved as 0 without a system); row 1 is the first to fail");
        assertTrue(e.getMessage().contains("user") && e.getMessage().contains("row 1")
            && e.getMessage().contains("lambda = 0.0"), e.getMessage());
        assertArrayEquals(before, s.userFactors(), "a failed sweep must leave the factors as they were");
        assertTrue(Fixtures.allFinite(s.userFactors()));
      }
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {4, 8, 17})
  void lambdaZeroWithMoreFactorsThanItemsThrows(int k) {
    // Three items span at most a 3-dimensional space: with λ = 0 every user's A has rank ≤ 3 < k.
    CsrMatrix r = Fixtures.random(6, 3, 0.7, 9);
    for (VectorOps ops : Fixtures.allOps()) {
      try (AlsSession s = new AlsSession(r, config(k, 0f, Confidence.LINEAR, 1), ops)) {
        try {
          s.updateUsers();
        } catch (NotPositiveDefiniteException e) {
          assertEquals("user", e.side());
          assertTrue(e.getMessage().contains("lambda = 0.0"), e.getMessage());
          assertTrue(Fixtures.allFinite(s.userFactors()));
          continue;
        }
        throw new AssertionError(ops.name() + " k=" + k + ": rank-deficient λ = 0 systems were solved,"
            + " user factors " + Arrays.toString(Arrays.copyOf(s.userFactors(), k)));
      }
    }
  }

  @Test
  void referenceRefusesRankDeficientSystems() {
    CsrMatrix r = Fixtures.random(6, 3, 0.7, 9);
    ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, 4, 0, 1, Confidence.LINEAR, 1);
    ReferenceSolveException e = assertThrows(ReferenceSolveException.class,
        () -> ref.updateUsers(new double[3 * 4]));
    assertEquals(ReferenceImplicitAls.Side.USER, e.side());
    assertTrue(e.getMessage().contains("lambda = 0.0"), e.getMessage());
  }

  @Test
  void configRefusesBadValuesWithClearMessages() {
    refuse("factors k", () -> AlsConfig.builder().factors(0).build());
    refuse("factors k", () -> AlsConfig.builder().factors(-3).build());
    refuse("lambda", () -> AlsConfig.builder().lambda(-0.1f).build());
    refuse("lambda", () -> AlsConfig.builder().lambda(Float.NaN).build());
    refuse("lambda", () -> AlsConfig.builder().lambda(Float.POSITIVE_INFINITY).build());
    refuse("alpha", () -> AlsConfig.builder().alpha(-1f).build());
    refuse("alpha", () -> AlsConfig.builder().alpha(Float.NaN).build());
    refuse("epsilon", () -> AlsConfig.builder().logConfidence(Float.NaN).build());
    refuse("epsilon", () -> AlsConfig.builder().logConfidence(0f).build());
    refuse("initScale", () -> AlsConfig.builder().initScale(Float.NaN).build());
    refuse("threads", () -> AlsConfig.builder().threads(0).build());
    refuse("iterations", () -> AlsConfig.builder().iterations(-1).build());
  }

  private static void refuse(String setting, org.junit.jupiter.api.function.Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(setting), "message should name " + setting + ": " + e.getMessage());
  }
}
