package org.alskernel.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;

/** Builds the summary rows from JMH results and reads and writes them as summary.tsv. */
final class Summary {
  static final String FILE = "summary.tsv";
  static final String HEADER = String.join("\t", "benchmark", "params", "mode", "threads", "score",
      "error", "unit", "seconds_per_op", "flops_per_op", "gflops", "gflops_error",
      "pct_of_peak", "peak", "alloc_bytes_per_op");
  /** SparkAlsBenchmark's two fits, and the iteration the summary derives from them. */
  static final String SPARK_ONE = "SparkAlsBenchmark.fitOneIteration";
  static final String SPARK_TWO = "SparkAlsBenchmark.fitTwoIterations";
  static final String SPARK_ITERATION = "SparkAlsBenchmark.iteration";

  private Summary() {}

  static List<SummaryRow> build(List<JmhResult> results, Properties machine) {
    int cores = MachineInfo.logicalCores(machine);
    List<SummaryRow> plain = new ArrayList<>();
    for (JmhResult r : results) {
      double seconds = TimeUnits.secondsPerOp(r.score(), r.unit());
      double flops = Flops.perOp(r.benchmark(), r.params(), machine);
      // JMH threads each do one op per secondsPerOp; a parallel sweep does its threads inside one op
      double gflops = flops * r.threads() / seconds / 1e9;
      double relErr = Math.abs(r.scoreError() / r.score());
      plain.add(new SummaryRow(r.shortName(), r.params(), r.mode(), workThreads(r, cores),
          new SummaryRow.Score(r.score(), r.scoreError(), r.unit()), seconds,
          new SummaryRow.Speed(flops, Estimate.of(gflops, gflops * relErr), Double.NaN, ""),
          r.allocBytesPerOp()));
    }
    plain.addAll(sparkIterations(plain, machine));
    Peaks peaks = Peaks.from(plain);
    List<SummaryRow> out = new ArrayList<>(plain.size());
    for (SummaryRow r : plain) {
      Peaks.Reference ref = peaks.forThreads(r.threads());
      double pct = ref == null ? Double.NaN : 100 * r.gflops().value() / ref.gflops();
      out.add(new SummaryRow(r.benchmark(), r.params(), r.mode(), r.threads(), r.measured(),
          r.secondsPerOp(), new SummaryRow.Speed(r.flopsPerOp(), r.gflops(), pct,
              ref == null ? "" : ref.name()), r.allocBytesPerOp()));
    }
    return out;
  }

  /**
   * One Spark ALS iteration without Spark's set-up, for every params of SparkAlsBenchmark that has
   * both fits: fitTwoIterations − fitOneIteration (see SparkAlsBenchmark), mode "derived", in the
   * two-iteration row's unit, the two errors combined in quadrature (independent forks). None where
   * the difference is not positive, which only noise larger than an iteration can cause.
   */
  static List<SummaryRow> sparkIterations(List<SummaryRow> rows, Properties machine) {
    List<SummaryRow> out = new ArrayList<>();
    RowIndex index = new RowIndex(rows);
    for (SummaryRow two : index.of(SPARK_TWO)) {
      SummaryRow one = index.find(SPARK_ONE, two.params());
      if (one == null) {
        continue;
      }
      double seconds = two.secondsPerOp() - one.secondsPerOp();
      if (!(seconds > 0)) {
        continue; // the fits' noise exceeds an iteration: no estimate rather than a negative one
      }
      double unitsPerSecond = two.score() / two.secondsPerOp();
      double oneError = Math.abs(one.scoreError() / one.score()) * one.secondsPerOp() * unitsPerSecond;
      double error = Math.sqrt(two.scoreError() * two.scoreError() + oneError * oneError);
      double score = seconds * unitsPerSecond;
      double flops = Flops.perOp(SPARK_ITERATION, two.params(), machine);
      double gflops = flops / seconds / 1e9;
      out.add(new SummaryRow(SPARK_ITERATION, two.params(), "derived", two.threads(),
          new SummaryRow.Score(score, error, two.unit()), seconds, new SummaryRow.Speed(flops,
              Estimate.of(gflops, gflops * Math.abs(error / score)), Double.NaN, ""), Double.NaN));
    }
    return out;
  }

  /** The threads doing the work of one result, for choosing the peak it is compared with. */
  static int workThreads(JmhResult r, int cores) {
    String t = r.params().get("threads");
    if ((r.className().equals("SweepBenchmark") || r.className().equals("SparkAlsBenchmark"))
        && t != null) {
      return t.equals("all") ? cores : Integer.parseInt(t.trim());
    }
    return r.threads();
  }

  static void write(List<SummaryRow> rows, Path file) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (SummaryRow r : rows) {
      sb.append(String.join("\t", r.benchmark(), r.paramsText(), r.mode(),
          Integer.toString(r.threads()), num(r.score()), num(r.scoreError()), r.unit(),
          num(r.secondsPerOp()), num(r.flopsPerOp()), num(r.gflops().value()),
          num(r.gflops().error()), num(r.pctOfPeak()), r.peak(), num(r.allocBytesPerOp())))
          .append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  static List<SummaryRow> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ": not a summary.tsv written by this version (header differs)");
    }
    List<SummaryRow> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(new SummaryRow(f[0], parseParams(f[1]), f[2], Integer.parseInt(f[3]),
          new SummaryRow.Score(Double.parseDouble(f[4]), Double.parseDouble(f[5]), f[6]),
          Double.parseDouble(f[7]), new SummaryRow.Speed(Double.parseDouble(f[8]),
              Estimate.of(Double.parseDouble(f[9]), Double.parseDouble(f[10])),
              Double.parseDouble(f[11]), f[12]), Double.parseDouble(f[13])));
    }
    return rows;
  }

  static TreeMap<String, String> parseParams(String text) {
    TreeMap<String, String> params = new TreeMap<>();
    if (text.isEmpty()) {
      return params;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return params;
  }

  /** Six significant digits: more than any benchmark's error justifies, and round-trips as text. */
  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
  }
}
