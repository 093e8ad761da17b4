package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.model.AlsModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.junit.jupiter.api.Test;

/**
 * After 10 iterations the objective of the factors trained on Spark is within 0.1% of the
 * in-process trainer's, both evaluated by the kernel's objective on the same matrix.
 */
class ObjectiveTest {
  private static final Ratings DATA = Ratings.synthetic(300, 150, 15, 17);

  @Test
  void tenIterationsReachTheInProcessObjective() {
    int k = 10;
    long seed = 6;
    AlsConfig config = AlsConfig.builder().factors(k).lambda(0.05f).alpha(4f)
        .lambdaScaledByCount(true).threads(2).build();
    double inProcess;
    try (AlsSession session = new AlsSession(DATA.matrix(), config)) {
      DATA.startLikeSpark(session, seed, k, config.initScale());
      for (int it = 0; it < 10; it++) {
        session.iterate();
      }
      inProcess = session.loss();
    }
    AlsModel spark = new KernelAls().setImplicitPrefs(true).setRank(k).setRegParam(0.05)
        .setAlpha(4).setMaxIter(10).setNumBlocks(4).setSeed(seed).fit(DATA.frame(LocalSpark.get()))
        .toAlsModel();
    double onSpark;
    try (AlsSession session = new AlsSession(DATA.matrix(), config)) {
      session.setUserFactors(spark.factors().userFactors());
      session.setItemFactors(spark.factors().itemFactors());
      onSpark = session.loss();
    }
    double relative = Math.abs(onSpark - inProcess) / inProcess;
    System.out.println("objective after 10 iterations: in process " + inProcess + ", on Spark "
        + onSpark + " (relative difference " + relative + ")");
    assertTrue(relative <= 1e-3, "objectives differ by " + relative);
  }
}
