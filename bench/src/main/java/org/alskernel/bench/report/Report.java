package org.alskernel.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Turns one result folder ({@code jmh.json} and {@code machine.properties}) into {@code summary.tsv},
 * {@code report.md} and the SVG charts it links to.
 */
public final class Report {
  public static final String JMH_JSON = "jmh.json";
  public static final String REPORT_MD = "report.md";

  private Report() {}

  /** Reads {@code dir/jmh.json} and {@code dir/machine.properties}; writes the summary, report and charts. */
  public static void generate(Path dir) throws IOException {
    List<JmhResult> results = JmhJson.read(dir.resolve(JMH_JSON));
    Properties machine = MachineInfo.read(dir);
    List<SummaryRow> rows = Summary.build(results, machine);
    Summary.write(rows, dir.resolve(Summary.FILE));
    RowIndex index = new RowIndex(rows);
    Peaks peaks = Peaks.from(rows);
    SuitePlan plan = SuitePlan.read(dir);

    StringBuilder md = new StringBuilder();
    md.append("# als-kernel benchmark report: ").append(dir.getFileName()).append("\n\n")
        .append("From `").append(JMH_JSON).append("` and `").append(MachineInfo.FILE)
        .append("`; every number is in `").append(Summary.FILE).append("`. Errors (±) are JMH's:"
            + " the half-width of the 99.9% confidence interval; \"?\" where JMH had too few"
            + " iterations to give one.\n\n");
    if (plan.smoke()) {
      md.append("**A smoke run**: a few tiny benchmarks for one short iteration without warm-up, to"
          + " check the path from JMH to this report. Its numbers are not measurements; run the"
          + " quick or full profile for those.\n\n");
    } else if (plan.known()) {
      md.append("Profile: ").append(plan.profile()).append(".\n\n");
    }
    appendMachine(md, machine);
    appendPeaks(md, peaks, machine);
    KernelSection.append(md, index, peaks, dir);
    SweepSection.append(md, index, dir);
    DefectSection.append(md, index, plan);
    Coverage.append(md, results, plan);
    CatalogSection.append(md, index, plan, BenchmarkCatalog.inJar());
    Files.writeString(dir.resolve(REPORT_MD), md, StandardCharsets.UTF_8);
  }

  private static void appendMachine(StringBuilder md, Properties m) {
    md.append("## Machine\n\n");
    if (m.isEmpty()) {
      md.append("No `").append(MachineInfo.FILE).append("` in this folder.\n\n");
      return;
    }
    MdTable t = new MdTable("", "");
    t.row("host", get(m, "host")).row("date", get(m, "date")).row("CPU", get(m, "cpu.model"))
        .row("logical cores", get(m, "cpu.logical.cores")).row("CPU flags", get(m, "cpu.flags"))
        .row("OS", get(m, "os.name") + " " + get(m, "os.version") + " (" + get(m, "os.arch") + ")")
        .row("JDK", get(m, "java.vm.name") + " " + get(m, "java.runtime.version") + ", "
            + get(m, "java.vendor"))
        .row("fork JVM args", m.getProperty("fork.jvm.args", "").isBlank() ? "none beyond the"
            + " benchmarks' own" : "`" + m.getProperty("fork.jvm.args") + "`")
        .row("preferred vector (in a fork)", m.containsKey("vector.error")
            ? "unknown: " + m.getProperty("vector.error")
            : get(m, "vector.bits") + " bits: " + get(m, "vector.float.lanes") + " float / "
                + get(m, "vector.double.lanes") + " double lanes");
    t.appendTo(md);
  }

  private static void appendPeaks(StringBuilder md, Peaks p, Properties m) {
    md.append("## Measured peaks\n\n")
        .append("PeakBenchmark: independent vector FMAs in registers, the roofline every other number"
            + " is a share of.");
    if (p.allThreads > 0) {
      md.append(" All threads = ").append(p.allThreads).append(" JMH threads.");
    }
    md.append("\n\n");
    MdTable t = new MdTable("precision", "1 thread GFLOP/s", "all threads GFLOP/s", "all / 1");
    t.row("float", est(p.floatOne), est(p.floatAll), scaling(p.floatAll, p.floatOne));
    t.row("double", est(p.doubleOne), est(p.doubleAll), scaling(p.doubleAll, p.doubleOne));
    t.appendTo(md);
  }

  private static String est(Estimate e) {
    return e == null ? "not measured" : Fmt.pm(e);
  }

  private static String scaling(Estimate all, Estimate one) {
    return all == null || one == null ? "–" : Fmt.ratio(Estimate.ratio(all, one));
  }

  private static String get(Properties m, String key) {
    return m.getProperty(key, "?");
  }
}
