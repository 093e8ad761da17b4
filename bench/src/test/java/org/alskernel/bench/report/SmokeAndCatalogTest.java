package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report knows a smoke run from a measurement, and shows every benchmark of the jar. */
class SmokeAndCatalogTest {
  @TempDir Path tmp;

  @Test
  void aSmokeRunSaysSoAndCallsNothingMissingItDidNotAskFor() throws Exception {
    Path dir = Fixtures.copy("run-a", tmp);
    new SuitePlan("smoke", List.of(List.of("org\\.alskernel\\.bench\\.(PeakBenchmark\\.floatOneThread"
        + "|RowBuildBenchmark)"))).write(dir);
    Report.generate(dir);
    String md = Files.readString(dir.resolve(Report.REPORT_MD), StandardCharsets.UTF_8);
    assertTrue(md.contains("**A smoke run**"), md);
    String missing = md.substring(md.indexOf("## Missing"), md.indexOf("## Every benchmark"));
    assertFalse(missing.contains("RowSolveBenchmark: no results"), missing);
    assertFalse(missing.contains("never measured"), missing);
    assertTrue(missing.contains("Not asked for by the smoke profile, so not missing: "), missing);
    assertTrue(missing.contains("ReadBenchmark.readMovieLens100kFormat"), missing);
    String defects = md.substring(md.indexOf("## Defects"), md.indexOf("## Missing"));
    assertTrue(defects.contains("Not checked: a smoke run has no warm-up"), defects);
  }

  @Test
  void everyBenchmarkOfTheJarIsListedAndOtherResultsAreShown() {
    Map<String, List<String>> catalog = BenchmarkCatalog.inJar();
    assertTrue(catalog.containsKey("ReadBenchmark"), catalog.toString());
    assertTrue(catalog.get("SweepBenchmark").containsAll(List.of("iteration", "userHalfSweep")), catalog.toString());
    SummaryRow read = new SummaryRow("ReadBenchmark.readMovieLens100kFormat", new TreeMap<>(Map.of("lines", "20000000")), "ss",
        1, new SummaryRow.Score(1237, 410, "ms/op"), 1.237, new SummaryRow.Speed(Double.NaN,
            Estimate.of(Double.NaN, Double.NaN), Double.NaN, ""), 96);
    StringBuilder md = new StringBuilder();
    CatalogSection.append(md, new RowIndex(List.of(read)), SuitePlan.NONE, catalog);
    String text = md.toString();
    int listed = 0;
    for (Map.Entry<String, List<String>> c : catalog.entrySet()) {
      for (String m : c.getValue()) {
        assertTrue(text.contains("| " + c.getKey() + "." + m + " |"), c.getKey() + "." + m + "\n" + text);
        listed++;
      }
    }
    assertTrue(listed >= 12, text);
    assertTrue(text.contains("| ReadBenchmark.readMovieLens100kFormat | 1 | Other results |"), text);
    assertTrue(text.contains("## Other results"), text);
    assertTrue(text.contains("| ReadBenchmark.readMovieLens100kFormat | lines=20000000 | 1,237 ± 410 | ms/op | 96.0 |"), text);
  }

  @Test
  void machineTableAndPeaksSayNothingEmpty() throws Exception {
    Path dir = Fixtures.copy("run-a", tmp);
    Report.generate(dir);
    String md = Files.readString(dir.resolve(Report.REPORT_MD), StandardCharsets.UTF_8);
    assertFalse(md.contains("= – JMH threads"), md);
    assertFalse(md.contains("| fork JVM args | `` |"), md);
    assertEquals(-1, md.indexOf("| `` |"), md);
  }
}
