package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** run-a (512-bit) against run-b (the same CPU with -XX:UseAVX=2, half the lanes, half the speed). */
class CompareTest {
  @TempDir
  Path tmp;

  @Test
  void mergesFoldersOnTheBenchmarksTheyShare() throws Exception {
    Path a = Fixtures.copy("run-a", tmp);
    Path b = Fixtures.copy("run-b", tmp);
    Path out = tmp.resolve("out");
    Compare.run(List.of(a, b), out); // neither has summary.tsv yet: Compare generates both reports
    assertTrue(Files.isRegularFile(a.resolve(Summary.FILE)));
    String md = Files.readString(out.resolve(Compare.MD), StandardCharsets.UTF_8);

    assertTrue(md.contains("| benchmark | params | Xeon Gold 6338 GFLOP/s | Xeon Gold 6338 % peak"
        + " | Xeon Gold 6338 -XX:UseAVX=2 GFLOP/s | Xeon Gold 6338 -XX:UseAVX=2 % peak |"), md);
    // the same RowBuild time is 83% of the 512-bit peak and 333% of the halved 256-bit one
    assertTrue(md.contains("| RowBuildBenchmark.build | interactions=64,k=64,ops=vector | 131 ± 13.1 | 83.3%"
        + " | 131 ± 13.1 | 333.3% |"), md);
    assertFalse(md.contains("GramBenchmark"), "Gram is only in run-a: " + md);

    List<Path> charts = Fixtures.svgs(out);
    assertFalse(charts.isEmpty());
    for (Path chart : charts) {
      Document svg = Fixtures.parseSvg(chart);
      assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength() > 2, chart.toString());
      int width = Integer.parseInt(svg.getDocumentElement().getAttribute("width").replace("px", ""));
      assertTrue(width <= 1000, chart + " is " + width + " px wide: not readable at page width");
      assertTrue(md.contains("](" + chart.getFileName() + ")"), chart + " is not linked");
    }
  }

  @Test
  void manyParamsBecomeSeveralSmallChartsOfOneClass() {
    List<SummaryRow> rows = new java.util.ArrayList<>();
    for (int j = 0; j < 30; j++) {
      java.util.TreeMap<String, String> params = new java.util.TreeMap<>(java.util.Map.of("k", Integer.toString(j)));
      rows.add(new SummaryRow("GramBenchmark.gram", params, "avgt", 1, new SummaryRow.Score(1, 0, "us/op"), 1e-6,
          new SummaryRow.Speed(1, Estimate.of(1, 0.1), 50, "floatOneThread"), 0));
    }
    java.util.Map<String, SummaryRow> table = new java.util.HashMap<>();
    for (SummaryRow r : rows) table.put(r.key(), r);
    java.util.Map<String, String> charts = Compare.charts(List.of("a", "b"), List.of(table, table), rows);
    assertEquals(List.of("compare-Gram-1.svg", "compare-Gram-2.svg", "compare-Gram-3.svg"),
        List.copyOf(charts.keySet()));
    assertTrue(charts.get("compare-Gram-2.svg").contains("Gram (2 of 3)"));
  }

  @Test
  void labelsNameTheCpuAndOnlyTheDistinguishingArgs() {
    assertEquals("Xeon Gold 6338", Compare.FolderLabels.shortCpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz"));
    assertEquals("EPYC 7B13", Compare.FolderLabels.shortCpu("AMD EPYC 7B13 64-Core Processor"));
  }

  @Test
  void mainWritesIntoTheGivenFolder() throws Exception {
    Path a = Fixtures.copy("run-a", tmp);
    Path out = tmp.resolve("cmp");
    Compare.main(new String[] {"-o", out.toString(), a.toString()});
    assertTrue(Files.isRegularFile(out.resolve(Compare.MD)));
  }
}
