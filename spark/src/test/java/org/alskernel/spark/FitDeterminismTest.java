package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.alskernel.model.FactorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same data, seed and block counts give the same factors bit for bit: run again, with a task that
 * fails on its first attempt and is recomputed by Spark, and with checkpoints every other
 * iteration. Other block counts agree within the iteration tolerance.
 */
class FitDeterminismTest {
  private static final Ratings DATA = Ratings.synthetic(200, 120, 10, 9);

  @AfterEach
  void noInjectedFailures() {
    BlockSolve.failWhen = null;
    LocalSpark.get().sparkContext().setCheckpointDir(null);
  }

  private static KernelAls als(String solver) {
    return new KernelAls().setImplicitPrefs(true).setRank(6).setMaxIter(4).setAlpha(3)
        .setRegParam(0.05).setSolver(solver).setNumUserBlocks(3).setNumItemBlocks(2).setSeed(4);
  }

  private static FactorModel fit(KernelAls als) {
    Dataset<Row> frame = DATA.frame(LocalSpark.get());
    return als.fit(frame).toAlsModel().factors();
  }

  private static void assertSameBits(FactorModel expected, FactorModel actual) {
    assertArrayEquals(expected.userFactors(), actual.userFactors());
    assertArrayEquals(expected.itemFactors(), actual.itemFactors());
  }

  @Test
  void sameBlocksGiveTheSameBitsEveryRun() {
    for (String solver : List.of("cholesky", "cg")) {
      assertSameBits(fit(als(solver)), fit(als(solver)));
    }
  }

  @Test
  void aTaskRecomputedAfterAFailureGivesTheSameBits() {
    FactorModel expected = fit(als("cg"));
    AtomicBoolean failed = new AtomicBoolean();
    BlockSolve.failWhen = task -> task != null && task.attemptNumber() == 0
        && task.partitionId() == 1 && failed.compareAndSet(false, true);
    FactorModel retried = fit(als("cg"));
    assertTrue(failed.get(), "no task attempt failed, so nothing was recomputed");
    assertSameBits(expected, retried);
  }

  @Test
  void checkpointsChangeNothingAndOnlyTheLatestIsKept(@TempDir Path dir) throws IOException {
    FactorModel expected = fit(als("cholesky").setMaxIter(5));
    LocalSpark.get().sparkContext().setCheckpointDir(dir.toString());
    FactorModel checkpointed = fit(als("cholesky").setMaxIter(5).setCheckpointInterval(2));
    assertSameBits(expected, checkpointed);
    try (Stream<Path> files = Files.walk(dir)) {
      long rdds = files.filter(p -> p.getFileName().toString().startsWith("rdd-")).count();
      assertEquals(2, rdds, "the user and item factors of iteration 4, not those of iteration 2");
    }
  }

  @Test
  void otherBlockCountsAgreeWithinTheIterationTolerance() {
    for (String solver : List.of("cholesky", "cg")) {
      FactorModel blocked = fit(als(solver));
      FactorModel single = fit(als(solver).setNumUserBlocks(1).setNumItemBlocks(1));
      FactorModel many = fit(als(solver).setNumUserBlocks(7).setNumItemBlocks(5));
      OneIterationTest.assertClose(solver + " users, 1 block", blocked.userFactors(),
          single.userFactors());
      OneIterationTest.assertClose(solver + " items, 7 × 5 blocks", blocked.itemFactors(),
          many.itemFactors());
    }
  }
}
