package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FlopsTest {
  private static final Properties AVX512 = new Properties();

  static {
    AVX512.setProperty("vector.float.lanes", "16");
    AVX512.setProperty("vector.double.lanes", "8");
  }

  private static double flops(String benchmark, Map<String, String> params) {
    return Flops.perOp("org.alskernel.bench." + benchmark, params, AVX512);
  }

  @Test
  void peakIsTwelveFmasPerStepPerLane() {
    assertEquals(2.0 * 12 * 4096 * 16, flops("PeakBenchmark.floatOneThread", Map.of()));
    assertEquals(2.0 * 12 * 4096 * 16, flops("PeakBenchmark.floatAllThreads", Map.of()));
    assertEquals(2.0 * 12 * 4096 * 8, flops("PeakBenchmark.doubleAllThreads", Map.of()));
    assertTrue(Double.isNaN(Flops.perOp("PeakBenchmark.floatOneThread", Map.of(), new Properties())));
  }

  @Test
  void rowKernels() {
    Map<String, String> p = Map.of("k", "64", "interactions", "512", "ops", "vector");
    double build = 2.0 * 512 * 64 * 64;
    double solve = 64.0 * 64 * 64 / 3 + 2.0 * 64 * 64;
    assertEquals(build, flops("RowBuildBenchmark.build", p));
    assertEquals(solve, flops("CholeskyBenchmark.factorAndSolve", p), 1e-9);
    assertEquals(build + solve, flops("RowSolveBenchmark.solveRow", p), 1e-9);
    assertEquals(2.0 * 20_000 * 64 * 64, flops("GramBenchmark.gram", p));
    assertEquals(4.0 * 512 * 64, flops("NeighbourProductBenchmark.product", p)); // 4·n·k
  }

  @Test
  void conjugateGradientRowsCountEveryQueuedRowsProducts() {
    // two rows below k = 128, four from it; 3 steps are 4 products of 2k² + 4·n·k each
    Map<String, String> k64 = Map.of("k", "64", "interactions", "64", "ops", "vector", "steps", "3");
    assertEquals(2 * 4 * (2.0 * 64 * 64 + 4.0 * 64 * 64),
        flops("ConjugateGradientRowBenchmark.solveRows", k64));
    Map<String, String> k128 = Map.of("k", "128", "interactions", "7", "ops", "scalar", "steps", "1");
    assertEquals(4 * 2 * (2.0 * 128 * 128 + 4.0 * 7 * 128),
        flops("ConjugateGradientRowBenchmark.solveRows", k128));
  }

  @Test
  void sweepsUseTheDatasetShape() {
    Map<String, String> p = Map.of("data", "ml-100k", "k", "32", "ops", "vector", "threads", "all");
    double solve = 32.0 * 32 * 32 / 3 + 2.0 * 32 * 32;
    double half = 2.0 * 100_000 * 32 * 32 + 943 * solve + 2.0 * 1_682 * 32 * 32;
    assertEquals(half, flops("SweepBenchmark.userHalfSweep", p), 1e-6);
    assertEquals(half, flops("BaselineSweepBenchmark.userHalfSweep",
        Map.of("data", "ml-100k", "k", "32", "impl", "textbook")), 1e-6);
    double itemHalf = 2.0 * 100_000 * 32 * 32 + 1_682 * solve + 2.0 * 943 * 32 * 32;
    assertEquals(itemHalf, flops("SweepBenchmark.itemHalfSweep", p), 1e-6);
    double iteration = 4.0 * 100_000 * 32 * 32 + (943 + 1_682) * solve + 2.0 * (943 + 1_682) * 32 * 32;
    assertEquals(iteration, flops("SweepBenchmark.iteration", p), 1e-6);
  }

  @Test
  void conjugateGradientSweepsCountTheirProducts() {
    // per side (steps + 1) products per row: 2k² for G·v, 4k per entry
    double users = 4 * (2.0 * 943 * 32 * 32 + 4.0 * 100_000 * 32);
    double items = 4 * (2.0 * 1_682 * 32 * 32 + 4.0 * 100_000 * 32);
    Map<String, String> p = Map.of("data", "ml-100k", "k", "32", "solver", "cg", "cgSteps", "3");
    assertEquals(users, flops("SweepBenchmark.userHalfSweep", p), 1e-6);
    assertEquals(items, flops("SweepBenchmark.itemHalfSweep", p), 1e-6);
    assertEquals(users + items, flops("SweepBenchmark.iteration", p), 1e-6);
    Map<String, String> oneStep = Map.of("data", "ml-100k", "k", "32", "solver", "cg", "cgSteps", "1");
    assertEquals((users + items) / 2, flops("SweepBenchmark.iteration", oneStep), 1e-6);
    Map<String, String> before = Map.of("data", "ml-100k", "k", "32", "solver", "cg"); // no cgSteps
    assertEquals(users + items, flops("SweepBenchmark.iteration", before), 1e-6);
  }

  @Test
  void shortNamesWork() {
    assertEquals(2.0 * 8 * 16 * 16,
        Flops.perOp("RowBuildBenchmark.build", Map.of("k", "16", "interactions", "8"), AVX512));
  }

  @Test
  void unknownBenchmarksOrParamsGiveNaN() {
    assertTrue(Double.isNaN(flops("NoSuchBenchmark.run", Map.of("k", "8"))));
    assertTrue(Double.isNaN(flops("RowBuildBenchmark.build", Map.of("k", "8"))));
    assertTrue(Double.isNaN(flops("SweepBenchmark.iteration", Map.of("k", "8", "data", "netflix"))));
  }
}
