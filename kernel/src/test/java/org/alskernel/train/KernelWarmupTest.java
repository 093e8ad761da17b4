package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;
import org.alskernel.sweep.Solver;
import org.junit.jupiter.api.Test;

class KernelWarmupTest {
  private static AlsConfig.Builder settings(Solver solver) {
    return AlsConfig.builder().factors(24).iterations(4).lambda(2f).solver(solver);
  }

  @Test
  void aFitTrainedBesideAWarmupHasTheBitsOfOneTrainedAlone() throws Exception {
    CsrMatrix m = AlsTrainerTest.randomMatrix(5, 400, 300, 40);
    for (Solver solver : new Solver[] {Solver.CHOLESKY, Solver.CONJUGATE_GRADIENT}) {
      FactorModel alone = new AlsTrainer(settings(solver).threads(2).build()).fit(m);
      FactorModel beside;
      try (KernelWarmup warmup = KernelWarmup.start(settings(solver).threads(1).build())) {
        waitForHalfSweeps(warmup, 2);
        beside = new AlsTrainer(settings(solver).threads(2).build()).fit(m);
      }
      assertArrayEquals(alone.userFactors(), beside.userFactors(), solver.label());
      assertArrayEquals(alone.itemFactors(), beside.itemFactors(), solver.label());
    }
  }

  @Test
  void closeStopsTheWarmupThread() throws Exception {
    KernelWarmup warmup = KernelWarmup.start(settings(Solver.CONJUGATE_GRADIENT).threads(1).build());
    waitForHalfSweeps(warmup, 4);
    warmup.close();
    int done = warmup.halfSweeps();
    Thread.sleep(50);
    assertEquals(done, warmup.halfSweeps(), "half-sweeps went on after close");
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("als-kernel-warmup") && t.isAlive()), "thread alive");
  }

  @Test
  void aConfigWithSeveralThreadsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelWarmup.start(settings(Solver.CHOLESKY).threads(3).build()));
    assertTrue(e.getMessage().contains("threads = 3"), e.getMessage());
  }

  private static void waitForHalfSweeps(KernelWarmup warmup, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (warmup.halfSweeps() < n) {
      assertTrue(System.nanoTime() < deadline, "the warm-up did no " + n + " half-sweeps in 60 s");
      Thread.sleep(5);
    }
  }
}
