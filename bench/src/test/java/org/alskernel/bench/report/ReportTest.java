package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written run-a fixture (AVX-512 lanes, two cores) through Report.generate. */
class ReportTest {
  @TempDir
  Path tmp;
  private Path dir;
  private Map<String, SummaryRow> rows;
  private String md;

  @BeforeEach
  void generate() throws Exception {
    dir = Fixtures.copy("run-a", tmp);
    Report.generate(dir);
    rows = new HashMap<>();
    for (SummaryRow r : Summary.read(dir.resolve(Summary.FILE))) {
      rows.put(r.key(), r);
    }
    md = Files.readString(dir.resolve(Report.REPORT_MD), StandardCharsets.UTF_8);
  }

  @Test
  void oneSummaryRowPerResult() throws Exception {
    assertEquals(13, rows.size());
    assertTrue(Files.readString(dir.resolve(Summary.FILE)).startsWith(Summary.HEADER + "\n"));
  }

  @Test
  void peaksAndKernelRows() {
    SummaryRow peak = rows.get("PeakBenchmark.floatOneThread");
    assertEquals(2.0 * 12 * 4096 * 16 / 10e-6 / 1e9, peak.gflops().value(), 1e-3);
    assertEquals(100, peak.pctOfPeak(), 1e-3);

    SummaryRow build = rows.get("RowBuildBenchmark.build interactions=64,k=64,ops=vector");
    assertEquals(4e-6, build.secondsPerOp(), 1e-15);
    assertEquals(524_288, build.flopsPerOp(), 1e-6);
    assertEquals(131.072, build.gflops().value(), 1e-3);
    assertEquals(13.1072, build.gflops().error(), 1e-3);
    assertEquals(100 * 131.072 / 157.2864, build.pctOfPeak(), 1e-3);
    assertEquals("floatOneThread", build.peak());
    assertEquals(0, build.allocBytesPerOp()); // read through the "·" prefixed key
  }

  @Test
  void throughputModeIsConvertedToTimePerOp() {
    SummaryRow gram = rows.get("GramBenchmark.gram k=16,ops=vector");
    assertEquals(1e-3, gram.secondsPerOp(), 1e-12);
    assertEquals(10.24, gram.gflops().value(), 1e-6);
  }

  @Test
  void sweepOnAllThreadsIsNotMultipliedAndUsesTheAllThreadsPeak() {
    SummaryRow all = rows.get("SweepBenchmark.userHalfSweep data=ml-100k,k=32,ops=vector,threads=all");
    assertEquals(2, all.threads()); // cpu.logical.cores of the fixture machine
    double flops = Flops.perOp("SweepBenchmark.userHalfSweep",
        Map.of("data", "ml-100k", "k", "32"), new java.util.Properties());
    assertEquals(flops / 3e-3 / 1e9, all.gflops().value(), 1e-3);
    assertEquals("floatAllThreads(2)", all.peak());
    double allPeak = 2 * 2.0 * 12 * 4096 * 16 / 16e-6 / 1e9;
    assertEquals(100 * all.gflops().value() / allPeak, all.pctOfPeak(), 1e-3);
  }

  @Test
  void speedupsCarryTheirErrors() {
    assertTrue(md.contains("| ml-100k | 32 | 5.00 ms | 4.00× ± 0.447 | 60.0× ± ? | – | – | 200× ± 28.3 |"),
        md);
    assertTrue(md.contains("99.9% confidence"));
  }

  @Test
  void defectsListEveryAllocatingKernelAndOnlyThose() {
    String defects = md.substring(md.indexOf("## Defects"), md.indexOf("## Missing"));
    assertTrue(defects.contains("| RowBuildBenchmark.build | interactions=64,k=64,ops=scalar | 1,479 | – |"),
        defects);
    assertTrue(defects.contains("| GramBenchmark.gram | k=16,ops=vector | 1,104 | – |"), defects);
    assertTrue(defects.contains("| SweepBenchmark.userHalfSweep | data=ml-100k,k=32,ops=vector,threads=all"
        + " | 100,000 | 106 |"), defects);
    assertEquals(3, DefectSection.find(new RowIndex(List.copyOf(rows.values()))).size());
    assertFalse(defects.contains("CholeskyBenchmark"), defects);
  }

  @Test
  void jmhBookkeepingInASlowKernelIsNotADefect() {
    // 163 B/op at 11.8 ms per op is 14 KB/s: JMH's own per-iteration allocation, not the kernel's.
    SummaryRow slow = kernelRow("k=256", 11.8e-3, 163);
    SummaryRow leaking = kernelRow("k=16", 1e-6, 20);
    List<DefectSection.Defect> found = DefectSection.find(new RowIndex(List.of(slow, leaking)));
    assertEquals(1, found.size());
    assertEquals("k=16", found.get(0).params());
  }

  private static SummaryRow kernelRow(String k, double secondsPerOp, double bytesPerOp) {
    java.util.TreeMap<String, String> params = new java.util.TreeMap<>(Map.of("k", k.substring(2)));
    return new SummaryRow("GramBenchmark.gram", params, "avgt", 1,
        new SummaryRow.Score(secondsPerOp * 1e6, 0, "us/op"), secondsPerOp,
        new SummaryRow.Speed(1, Estimate.of(1, 0), 1, "floatOneThread"), bytesPerOp);
  }

  @Test
  void missingBenchmarksAreNamed() {
    String missing = md.substring(md.indexOf("## Missing"));
    assertTrue(missing.contains("- RowSolveBenchmark: no results at all"), missing);
    assertTrue(missing.contains("- CholeskyBenchmark: ops = scalar"), missing); // no scalar run at all
    assertTrue(missing.contains("- SweepBenchmark.iteration data=ml-100k,k=32,ops=vector,threads=1: missing"),
        missing);
    assertTrue(missing.contains("- SweepBenchmark.userHalfSweep data=ml-100k,k=32,ops=scalar,threads=all:"
        + " missing"), missing);
    assertTrue(missing.contains("- BaselineSweepBenchmark: impl = spark-native, spark-java"), missing);
  }

  @Test
  void chartsAreWellFormedAndLinked() throws Exception {
    List<Path> svgs = Fixtures.svgs(dir);
    assertTrue(svgs.size() >= 4, svgs.toString()); // rowbuild, cholesky, gram, sweep speedups
    for (Path svg : svgs) {
      Fixtures.parseSvg(svg);
      assertTrue(md.contains("](" + svg.getFileName() + ")"), svg + " is not linked from report.md");
    }
  }
}
