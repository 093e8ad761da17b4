package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Gaps are looked for within each Suite run, so what a profile did not ask for is not "missing". */
class CoverageTest {
  private static final String SWEEP = "org.alskernel.bench.SweepBenchmark.";

  private static JmhResult result(String method, int part, String... keyValues) {
    TreeMap<String, String> params = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return new JmhResult(SWEEP + method, "avgt", 1, params, 1, 0.1, "ms/op", 0, part);
  }

  private static List<String> sweepGaps(List<JmhResult> results) {
    List<String> out = new ArrayList<>();
    for (String line : Coverage.gaps(results).missing()) {
      if (line.startsWith("SweepBenchmark")) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void combinationsOfDifferentRunsAreNotMissing() {
    List<JmhResult> results = List.of(
        result("userHalfSweep", 0, "k", "64", "solver", "cholesky", "threads", "1"),
        result("userHalfSweep", 0, "k", "64", "solver", "cholesky", "threads", "all"),
        result("iteration", 1, "k", "32", "solver", "cholesky", "threads", "1"),
        result("iteration", 1, "k", "32", "solver", "cg", "threads", "1"));
    assertEquals(List.of(), sweepGaps(results));
  }

  @Test
  void aFailedCombinationOfOneRunIsMissing() {
    List<JmhResult> results = List.of(
        result("userHalfSweep", 0, "k", "64", "solver", "cholesky", "threads", "1"),
        result("iteration", 1, "k", "32", "solver", "cholesky", "threads", "1"),
        result("iteration", 1, "k", "64", "solver", "cholesky", "threads", "1"),
        result("iteration", 1, "k", "32", "solver", "cg", "threads", "1"));
    List<String> gaps = sweepGaps(results);
    assertEquals(1, gaps.size(), gaps.toString());
    assertTrue(gaps.get(0).startsWith("SweepBenchmark.iteration k=64,solver=cg,threads=1: missing"),
        gaps.toString());
  }

  @Test
  void withoutRunsEveryCombinationOfTheClassCounts() {
    List<JmhResult> results = List.of(
        result("userHalfSweep", -1, "k", "64", "threads", "1"),
        result("iteration", -1, "k", "32", "threads", "all"));
    List<String> gaps = sweepGaps(results);
    assertTrue(gaps.contains("SweepBenchmark.iteration k=64,threads=1: missing (failed or not run)"),
        gaps.toString());
    int methods = BenchmarkCatalog.inJar().get("SweepBenchmark").size();
    assertEquals(methods * 4 - 2, gaps.size(), gaps.toString()); // 2 k × 2 threads per method

  }
}
