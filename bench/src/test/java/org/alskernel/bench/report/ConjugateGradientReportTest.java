package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-cg fixture (ml-100k, k = 32, one iteration with each solver on one thread and on both
 * cores) through Report.generate: CG's rate counts its own products, not Cholesky's flops.
 */
class ConjugateGradientReportTest {
  /** ml-100k: 943 users, 1,682 items, 100,000 entries; k = 32, 3 steps, so 4 products per row. */
  private static final double CG_FLOPS =
      4 * (2.0 * 943 * 32 * 32 + 4.0 * 100_000 * 32) + 4 * (2.0 * 1_682 * 32 * 32 + 4.0 * 100_000 * 32);

  @TempDir
  Path tmp;

  @Test
  void conjugateGradientRowsShowTheirOwnRateOnEveryThreadCount() throws Exception {
    Path dir = Fixtures.copy("run-cg", tmp);
    Report.generate(dir);
    Map<String, SummaryRow> rows = new HashMap<>();
    for (SummaryRow r : Summary.read(dir.resolve(Summary.FILE))) {
      rows.put(r.key(), r);
    }
    SummaryRow one = rows.get("SweepBenchmark.iteration cgSteps=3,data=ml-100k,k=32,ops=vector,solver=cg,threads=1");
    assertEquals(CG_FLOPS, one.flopsPerOp(), 1e-6);
    assertEquals(CG_FLOPS / 8e-3 / 1e9, one.gflops().value(), 1e-3); // 15.488
    double onePeak = 2.0 * 12 * 4096 * 16 / 10e-6 / 1e9;
    assertEquals(100 * one.gflops().value() / onePeak, one.pctOfPeak(), 1e-3);
    SummaryRow all = rows.get("SweepBenchmark.iteration cgSteps=3,data=ml-100k,k=32,ops=vector,solver=cg,threads=all");
    double allPeak = 2 * 2.0 * 12 * 4096 * 16 / 16e-6 / 1e9;
    assertEquals(100 * CG_FLOPS / 4e-3 / 1e9 / allPeak, all.pctOfPeak(), 1e-3); // 15.8%

    String md = Files.readString(dir.resolve(Report.REPORT_MD), StandardCharsets.UTF_8);
    assertTrue(md.contains("### Conjugate gradient vs Cholesky"), md);
    assertTrue(md.contains("| ml-100k | 32 | 1 | 3 | 10.0 ms | 8.00 ms |"), md);
    assertTrue(md.contains("| ml-100k | 32 | all | 3 | 6.00 ms | 4.00 ms |"), md);
    assertTrue(md.contains("15.5 ±"), md);
    assertTrue(md.contains("31.0 ±"), md);
  }
}
