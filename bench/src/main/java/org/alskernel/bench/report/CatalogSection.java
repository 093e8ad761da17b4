package org.alskernel.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Every benchmark of the jar with the number of results this run has for it and the section that
 * shows them, then a plain table of the results no other section shows, so nothing measured is left
 * out of the report.
 */
final class CatalogSection {
  private CatalogSection() {}

  /** The section showing {@code benchmark} (class.method), or null for none. */
  static String sectionOf(String benchmark) {
    if (benchmark.startsWith("PeakBenchmark.")) return "Measured peaks";
    if (KernelSection.KERNELS.contains(benchmark)) return "Kernels, one thread";
    if (benchmark.startsWith(SweepSection.SWEEP + ".") || benchmark.equals(SweepSection.BASELINE)
        || benchmark.startsWith("SparkAlsBenchmark.")
        || benchmark.startsWith("KernelOnSparkBenchmark.")) {
      return "Sweeps";
    }
    return null;
  }

  static void append(StringBuilder md, RowIndex index, SuitePlan plan, Map<String, List<String>> catalog) {
    md.append("## Every benchmark in the jar\n\n")
        .append("From JMH's own list of the jar's benchmarks.\n\n");
    MdTable t = new MdTable("benchmark", "results", "shown in");
    MdTable other = new MdTable("benchmark", "params", "score", "unit", "alloc B/op");
    for (Map.Entry<String, List<String>> cls : catalog.entrySet()) {
      for (String method : cls.getValue()) {
        String name = cls.getKey() + "." + method;
        List<SummaryRow> rows = index.of(name);
        String section = sectionOf(name);
        String where = rows.isEmpty()
            ? (plan.asked("org.alskernel.bench." + name) ? "– (no results)" : "– (not in this profile)")
            : section != null ? section : "Other results";
        t.row(name, Integer.toString(rows.size()), where);
        if (section == null) {
          for (SummaryRow r : rows) {
            other.row(name, r.paramsText(), Fmt.num(r.score()) + " ± " + Fmt.num(r.scoreError()), r.unit(),
                Double.isFinite(r.allocBytesPerOp()) ? Fmt.num(r.allocBytesPerOp()) : "–");
          }
        }
      }
    }
    t.appendTo(md);
    if (!other.isEmpty()) {
      md.append("## Other results\n\n")
          .append("Benchmarks no section above interprets, as JMH measured them.\n\n");
      other.appendTo(md);
    }
  }
}
