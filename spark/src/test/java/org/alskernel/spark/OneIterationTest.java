package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.alskernel.model.AlsModel;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One iteration on Spark equals one in-process iteration from the same starting factors, for every
 * variant and 1, 2 and 5 blocks a side. The two differ only in the order the Gram matrix's rows are
 * summed (by block here, by the kernel's fixed row ranges in process), so they agree within the
 * one-iteration tolerance of docs/math.md (ITERATION_TOL = 2e-4, normwise relative).
 */
class OneIterationTest {
  private static final double ITERATION_TOL = 2e-4;
  private static final int K = 8;
  private static final long SEED = 11;
  private static final Ratings DATA = Ratings.synthetic(150, 90, 12, 5);

  static Stream<Arguments> cases() {
    return Stream.of(AlsVariant.values()).flatMap(v -> Stream.of(1, 2, 5)
        .map(blocks -> Arguments.of(v, blocks)));
  }

  @ParameterizedTest(name = "{0}, {1} blocks")
  @MethodSource("cases")
  void matchesTheInProcessIteration(AlsVariant variant, int blocks) {
    AlsConfig config = AlsConfig.builder().variant(variant).factors(K).lambda(0.1f).alpha(2f)
        .lambdaScaledByCount(true).solver(Solver.CHOLESKY).threads(1).build();
    float[] users;
    float[] items;
    float[] userBiases = null;
    float[] itemBiases = null;
    try (AlsSession session = new AlsSession(DATA.matrix(), config)) {
      DATA.startLikeSpark(session, SEED, K, config.initScale());
      session.iterate();
      users = session.userFactors();
      items = session.itemFactors();
      if (variant.isBiased()) {
        userBiases = session.userBiases();
        itemBiases = session.itemBiases();
      }
    }
    AlsModel spark = new KernelAls().setVariant(variant.label()).setRank(K).setRegParam(0.1)
        .setAlpha(2).setMaxIter(1).setNumUserBlocks(blocks).setNumItemBlocks(blocks)
        .setSeed(SEED).fit(DATA.frame(LocalSpark.get())).toAlsModel();
    assertEquals(DATA.userIds().length, spark.userCount());
    for (int u = 0; u < DATA.userIds().length; u++) {
      assertEquals(DATA.userIds()[u], spark.users().longId(u)); // ascending ids, as the CSR rows
    }
    assertClose("user factors", users, spark.factors().userFactors());
    assertClose("item factors", items, spark.factors().itemFactors());
    if (variant.isBiased()) {
      float[] sparkUserBiases = new float[users.length / K];
      float[] sparkItemBiases = new float[items.length / K];
      for (int u = 0; u < sparkUserBiases.length; u++) {
        sparkUserBiases[u] = spark.factors().userBias(u);
      }
      for (int i = 0; i < sparkItemBiases.length; i++) {
        sparkItemBiases[i] = spark.factors().itemBias(i);
      }
      assertClose("user biases", userBiases, sparkUserBiases);
      assertClose("item biases", itemBiases, sparkItemBiases);
    }
  }

  static void assertClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + ": lengths");
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      diff += Math.pow(expected[i] - actual[i], 2);
      norm += Math.pow(expected[i], 2);
    }
    double relative = Math.sqrt(diff / norm);
    assertTrue(relative <= ITERATION_TOL, what + " differ by " + relative + " (normwise)");
  }
}
