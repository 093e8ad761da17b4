package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written run-spark fixture: SparkAlsBenchmark's two fits (threads=1) and a lone one-iteration
 * fit (threads=all), with the kernel iterations they are compared with.
 */
class SparkReportTest {
  @TempDir
  Path tmp;

  private record Generated(Map<String, SummaryRow> rows, String md) {}

  private Generated generate(String fixture) throws Exception {
    Path dir = Fixtures.copy(fixture, tmp);
    Report.generate(dir);
    Map<String, SummaryRow> rows = new HashMap<>();
    for (SummaryRow r : Summary.read(dir.resolve(Summary.FILE))) {
      rows.put(r.key(), r);
    }
    return new Generated(rows, Files.readString(dir.resolve(Report.REPORT_MD), StandardCharsets.UTF_8));
  }

  @Test
  void oneSparkIterationIsTheDifferenceOfTheTwoFits() throws Exception {
    Generated g = generate("run-spark");
    SummaryRow it = g.rows().get("SparkAlsBenchmark.iteration data=ml-100k,k=32,threads=1");
    assertEquals("derived", it.mode());
    assertEquals(0.5, it.secondsPerOp(), 1e-12); // 2,000 ms − 1.5 s
    assertEquals("ms/op", it.unit());
    assertEquals(500, it.score(), 1e-9);
    assertEquals(50, it.scoreError(), 1e-9); // √(40² + 30²) ms
    double flops = Flops.perOp("SweepBenchmark.iteration", Map.of("data", "ml-100k", "k", "32"),
        new Properties());
    assertEquals(flops, it.flopsPerOp(), 1e-6);
    assertEquals(flops / 0.5 / 1e9, it.gflops().value(), 1e-9);
    assertEquals(1, it.threads());
    assertEquals("floatOneThread", it.peak());
    assertNull(g.rows().get("SparkAlsBenchmark.iteration data=ml-100k,k=32,threads=all"));
    // k=64: the two-iteration fit measured faster than the one-iteration one, no negative iteration
    assertNull(g.rows().get("SparkAlsBenchmark.iteration data=ml-100k,k=64,threads=1"));
    // the fits' own GFLOP/s count their iterations' flops, set-up in the time
    SummaryRow two = g.rows().get("SparkAlsBenchmark.fitTwoIterations data=ml-100k,k=32,threads=1");
    assertEquals(2 * flops, two.flopsPerOp(), 1e-6);
    assertEquals(2, g.rows().get("SparkAlsBenchmark.fitOneIteration data=ml-100k,k=32,threads=all")
        .threads()); // "all" is the fixture machine's two cores
  }

  @Test
  void theKernelIterationIsComparedOnTheSameThreads() throws Exception {
    String md = generate("run-spark").md();
    String section = md.substring(md.indexOf("### Speedup of the kernel over Spark MLlib ALS"));
    double gflops = Flops.perOp("SweepBenchmark.iteration", Map.of("data", "ml-100k", "k", "32"),
        new Properties()) / 0.5 / 1e9;
    String pm = Fmt.pm(Estimate.of(gflops, gflops * 0.1));
    assertTrue(section.contains("| ml-100k | 32 | 1 | 10.0 ms | 500 ms | " + pm
        + " | 1.00 s | 1.50 s | 50.0× ± 7.07 |"), section);
    assertTrue(section.contains("| ml-100k | 32 | all | 6.00 ms | – | – | – | 1.20 s | – |"), section);
    assertTrue(section.contains("| ml-100k | 64 | 1 | – | – | – | – | 2.50 s | – |"), section);
  }

  @Test
  void aMissingFitIsNamedOnlyWhenSparkRan() throws Exception {
    String md = generate("run-spark").md();
    String missing = md.substring(md.indexOf("## Missing"));
    assertTrue(missing.contains("- SparkAlsBenchmark.fitTwoIterations data=ml-100k,k=32,threads=all:"
        + " missing"), missing);
    assertFalse(missing.contains("SparkAlsBenchmark: no results"), missing);

    String plain = generate("run-a").md();
    assertFalse(plain.contains("Spark MLlib ALS"), "no Spark table without Spark results");
    assertFalse(plain.substring(plain.indexOf("## Missing")).contains("SparkAlsBenchmark"), plain);
  }
}
