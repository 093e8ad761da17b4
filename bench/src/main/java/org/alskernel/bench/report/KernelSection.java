package org.alskernel.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-kernel part of report.md: for each single-row kernel, a table of the vector and scalar
 * implementations side by side (time, GFLOP/s, share of the one-thread peak, vector-over-scalar
 * speedup), and a chart of GFLOP/s by k.
 */
final class KernelSection {
  /** The kernel benchmarks in the order the report shows them. */
  static final List<String> KERNELS = List.of("RowBuildBenchmark.build",
      "CholeskyBenchmark.factorAndSolve", "BatchedCholeskyBenchmark.factorAndSolveBatch",
      "GramBenchmark.gram", "RowSolveBenchmark.solveRow", "NeighbourProductBenchmark.product",
      "ConjugateGradientRowBenchmark.solveRows");

  private KernelSection() {}

  static void append(StringBuilder md, RowIndex index, Peaks peaks, Path dir) throws IOException {
    md.append("## Kernels, one thread\n\n")
        .append("GFLOP/s counts the effective flops of the problem (see docs/math.md), not the work an"
            + " implementation happens to do; % of peak is against the one-thread float FMA peak."
            + " Speedup is the vector GFLOP/s over the scalar GFLOP/s (the time ratio when both do the same op).\n\n");
    for (String kernel : KERNELS) {
      List<SummaryRow> rows = index.of(kernel);
      if (rows.isEmpty()) {
        continue;
      }
      md.append("### ").append(kernel).append("\n\n");
      Map<String, Map<String, SummaryRow>> byOthers = pairByOps(rows);
      List<String> otherNames = otherParamNames(rows);
      List<String> header = new ArrayList<>(otherNames);
      header.addAll(List.of("vector time", "vector GFLOP/s", "vector % peak", "scalar time",
          "scalar GFLOP/s", "scalar % peak", "vector / scalar"));
      MdTable table = new MdTable(header.toArray(String[]::new));
      for (Map<String, SummaryRow> pair : byOthers.values()) {
        SummaryRow v = pair.get("vector");
        SummaryRow s = pair.get("scalar");
        SummaryRow any = v != null ? v : s;
        List<String> cells = new ArrayList<>();
        for (String n : otherNames) {
          cells.add(any.param(n));
        }
        cells.addAll(List.of(time(v), gflops(v), pct(v), time(s), gflops(s), pct(s),
            // GFLOP/s, not time: an op of the batched solve is one system per lane, so the two
            // implementations' ops differ in size.
            v == null || s == null ? "–" : Fmt.ratio(Estimate.ratio(v.gflops(), s.gflops()))));
        table.row(cells.toArray(String[]::new));
      }
      table.appendTo(md);
      String chart = "chart-" + kernel.substring(0, kernel.indexOf("Benchmark")).toLowerCase(Locale.ROOT)
          + ".svg";
      Files.writeString(dir.resolve(chart), chart(kernel, rows, peaks), StandardCharsets.UTF_8);
      md.append("![").append(kernel).append(" GFLOP/s by k](").append(chart).append(")\n\n");
    }
  }

  /** Rows keyed by their params without {@code ops}, each holding its "vector" and "scalar" row. */
  static Map<String, Map<String, SummaryRow>> pairByOps(List<SummaryRow> rows) {
    Map<String, Map<String, SummaryRow>> out = new LinkedHashMap<>();
    for (SummaryRow r : rows) {
      TreeMap<String, String> others = new TreeMap<>(r.params());
      String ops = others.remove("ops");
      out.computeIfAbsent(JmhResult.paramsText(others), x -> new TreeMap<>())
          .put(ops == null ? "vector" : ops, r);
    }
    return out;
  }

  private static List<String> otherParamNames(List<SummaryRow> rows) {
    List<String> names = new ArrayList<>(rows.get(0).params().keySet());
    names.remove("ops");
    return names;
  }

  /** One series per ops and non-k param combination, x = k. */
  private static String chart(String kernel, List<SummaryRow> rows, Peaks peaks) {
    Map<String, LineChart.Series> series = new LinkedHashMap<>();
    for (String ops : List.of("vector", "scalar")) {
      for (SummaryRow r : rows) {
        if (!ops.equals(r.params().getOrDefault("ops", "vector"))) {
          continue;
        }
        TreeMap<String, String> rest = new TreeMap<>(r.params());
        rest.remove("k");
        rest.remove("ops");
        String name = ops + (rest.isEmpty() ? "" : " " + JmhResult.paramsText(rest)
            .replace("interactions=", "n="));
        LineChart.Series s = series.computeIfAbsent(name,
            n -> new LineChart.Series(n, new ArrayList<>(), new ArrayList<>()));
        s.xs().add(Double.parseDouble(r.param("k")));
        s.ys().add(r.gflops());
      }
    }
    List<LineChart.Reference> refs = new ArrayList<>();
    if (peaks.floatOne != null) {
      refs.add(new LineChart.Reference("float peak, 1 thread", peaks.floatOne.value()));
    }
    return LineChart.render(kernel + ": GFLOP/s by k (one thread)", "k (factors)", "GFLOP/s",
        new ArrayList<>(series.values()), refs);
  }

  static String time(SummaryRow r) {
    return r == null ? "–" : Fmt.time(r.secondsPerOp());
  }

  static String gflops(SummaryRow r) {
    return r == null ? "–" : Fmt.pm(r.gflops());
  }

  static String pct(SummaryRow r) {
    return r == null ? "–" : Fmt.pct(r.pctOfPeak());
  }
}
