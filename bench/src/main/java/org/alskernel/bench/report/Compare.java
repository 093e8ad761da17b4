package org.alskernel.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Puts several result folders side by side (other CPUs, JDKs, {@code -XX:UseAVX} levels, …). Each
 * result is quoted as GFLOP/s and as a share of its own machine's peak, since that share is what
 * transfers between machines.
 */
public final class Compare {
  public static final String MD = "compare.md";
  /** The charts: one per benchmark class, split into panels of at most this many bar groups. */
  static final int GROUPS_PER_CHART = 12;

  private Compare() {}

  /** {@code Compare [-o OUT] DIR DIR...}: OUT defaults to ./compare. */
  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Path out = Path.of("compare");
    if (rest.size() >= 2 && rest.get(0).equals("-o")) {
      out = Path.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      System.err.println("usage: Compare [-o OUT] RESULT_DIR RESULT_DIR...");
      System.exit(2);
    }
    List<Path> dirs = new ArrayList<>();
    for (String d : rest) {
      dirs.add(Path.of(d));
    }
    run(dirs, out);
    System.out.println("wrote " + out.resolve(MD) + " and its charts");
  }

  /**
   * Writes {@code out/compare.md} and its charts ({@code compare-CLASS[-N].svg}, one small chart per
   * benchmark class) for the given result folders.
   */
  public static void run(List<Path> resultDirs, Path out) throws IOException {
    if (resultDirs.isEmpty()) {
      throw new IllegalArgumentException("no result folders to compare");
    }
    List<Properties> machines = new ArrayList<>();
    List<Map<String, SummaryRow>> tables = new ArrayList<>();
    for (Path dir : resultDirs) {
      if (!Files.isRegularFile(dir.resolve(Summary.FILE))) {
        Report.generate(dir);
      }
      machines.add(MachineInfo.read(dir));
      Map<String, SummaryRow> byKey = new HashMap<>();
      for (SummaryRow r : Summary.read(dir.resolve(Summary.FILE))) {
        byKey.put(r.key(), r);
      }
      tables.add(byKey);
    }
    List<String> labels = FolderLabels.of(resultDirs, machines);
    List<SummaryRow> common = new ArrayList<>();
    for (SummaryRow r : Summary.read(resultDirs.get(0).resolve(Summary.FILE))) {
      boolean everywhere = true;
      for (Map<String, SummaryRow> t : tables) {
        everywhere &= t.containsKey(r.key());
      }
      if (everywhere) {
        common.add(r);
      }
    }
    common.sort((a, b) -> {
      int c = a.benchmark().compareTo(b.benchmark());
      return c != 0 ? c : RowIndex.compareParams(a.params(), b.params());
    });
    Files.createDirectories(out);
    Map<String, String> charts = charts(labels, tables, common);
    for (Map.Entry<String, String> c : charts.entrySet()) {
      Files.writeString(out.resolve(c.getKey()), c.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(out.resolve(MD), markdown(resultDirs, labels, machines, tables, common,
        List.copyOf(charts.keySet())), StandardCharsets.UTF_8);
  }

  private static String markdown(List<Path> dirs, List<String> labels, List<Properties> machines,
      List<Map<String, SummaryRow>> tables, List<SummaryRow> common, List<String> charts) {
    StringBuilder md = new StringBuilder("# als-kernel benchmark comparison\n\n");
    for (int i = 0; i < dirs.size(); i++) {
      Properties m = machines.get(i);
      md.append("- **").append(labels.get(i)).append("**: `").append(dirs.get(i)).append("` — ")
          .append(m.getProperty("cpu.model", "?")).append(", ")
          .append(m.getProperty("cpu.logical.cores", "?")).append(" cores, ")
          .append(m.getProperty("java.vm.name", "?")).append(' ')
          .append(m.getProperty("java.runtime.version", "?")).append(", vector ")
          .append(m.getProperty("vector.bits", "?")).append(" bits")
          .append(m.getProperty("fork.jvm.args", "").isBlank() ? ""
              : ", fork args `" + m.getProperty("fork.jvm.args") + "`").append('\n');
    }
    md.append("\nRows are the benchmarks and params present in every folder. % peak is against that"
        + " folder's own measured float FMA peak (one thread, or all threads for multi-threaded"
        + " results); ± is JMH's 99.9% confidence half-width.\n\n");
    List<String> header = new ArrayList<>(List.of("benchmark", "params"));
    for (String l : labels) {
      header.add(l + " GFLOP/s");
      header.add(l + " % peak");
    }
    MdTable t = new MdTable(header.toArray(String[]::new));
    for (SummaryRow r : common) {
      List<String> cells = new ArrayList<>(List.of(r.benchmark(), r.paramsText()));
      for (Map<String, SummaryRow> table : tables) {
        SummaryRow x = table.get(r.key());
        cells.add(Fmt.pm(x.gflops()));
        cells.add(Fmt.pct(x.pctOfPeak()));
      }
      t.row(cells.toArray(String[]::new));
    }
    if (t.isEmpty()) {
      md.append("No benchmark with the same params is present in every folder.\n");
    } else {
      t.appendTo(md);
    }
    if (!charts.isEmpty()) {
      md.append("\n## Share of each machine's own peak\n\n");
    }
    for (String chart : charts) {
      md.append("![% of own peak: ").append(chart).append("](").append(chart).append(")\n\n");
    }
    return md.toString();
  }

  /**
   * Grouped bars of % of own peak, one small chart per benchmark class (panels of at most {@link
   * #GROUPS_PER_CHART} params), so that each stays readable at page width; rows whose flops are
   * unknown (NaN) are left out. Keys are the files' names, in order.
   */
  static Map<String, String> charts(List<String> labels, List<Map<String, SummaryRow>> tables,
      List<SummaryRow> common) {
    Map<String, List<SummaryRow>> byClass = new java.util.LinkedHashMap<>();
    for (SummaryRow r : common) {
      if (Double.isFinite(r.pctOfPeak())) {
        String cls = r.benchmark().substring(0, r.benchmark().indexOf('.'));
        byClass.computeIfAbsent(cls, x -> new ArrayList<>()).add(r);
      }
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<SummaryRow>> cls : byClass.entrySet()) {
      List<SummaryRow> rows = cls.getValue();
      int panels = (rows.size() + GROUPS_PER_CHART - 1) / GROUPS_PER_CHART;
      for (int p = 0; p < panels; p++) {
        List<SummaryRow> shown = rows.subList(p * rows.size() / panels, (p + 1) * rows.size() / panels);
        List<String> groups = new ArrayList<>();
        for (SummaryRow r : shown) {
          String method = r.benchmark().substring(r.benchmark().indexOf('.') + 1);
          boolean oneMethod = rows.stream().allMatch(x -> x.benchmark().equals(r.benchmark()));
          String params = r.paramsText().replace("interactions=", "n=");
          groups.add(oneMethod ? params : method + " " + params);
        }
        Estimate[][] values = new Estimate[labels.size()][shown.size()];
        for (int s = 0; s < labels.size(); s++) {
          for (int g = 0; g < shown.size(); g++) {
            SummaryRow x = tables.get(s).get(shown.get(g).key());
            double rel = x.gflops().relativeError();
            values[s][g] = Estimate.of(x.pctOfPeak(), x.pctOfPeak() * rel);
          }
        }
        String name = cls.getKey().replace("Benchmark", "");
        String title = name + (panels > 1 ? " (" + (p + 1) + " of " + panels + ")" : "")
            + ": % of each machine's own float peak";
        out.put("compare-" + name + (panels > 1 ? "-" + (p + 1) : "") + ".svg",
            BarChart.render(title, "% of own peak", groups, labels, values, false, 100, "100% of peak"));
      }
    }
    return out;
  }

  /** Distinct labels for folders: the CPU, plus the JVM args and JDK where the folders differ. */
  static final class FolderLabels {
    private FolderLabels() {}

    static List<String> of(List<Path> dirs, List<Properties> machines) {
      List<List<String>> args = new ArrayList<>();
      for (Properties m : machines) {
        String a = m.getProperty("fork.jvm.args", "").trim();
        args.add(a.isEmpty() ? List.of() : List.of(a.split("\\s+")));
      }
      Set<String> jdks = new LinkedHashSet<>();
      for (Properties m : machines) {
        jdks.add(m.getProperty("java.runtime.version", "?"));
      }
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < machines.size(); i++) {
        StringBuilder label = new StringBuilder(shortCpu(machines.get(i).getProperty("cpu.model", "?")));
        for (String a : args.get(i)) {
          boolean shared = true;
          for (List<String> other : args) {
            shared &= other.contains(a);
          }
          if (!shared) {
            label.append(' ').append(a);
          }
        }
        if (jdks.size() > 1) {
          label.append(" JDK ").append(machines.get(i).getProperty("java.runtime.version", "?"));
        }
        labels.add(label.toString());
      }
      for (int i = 0; i < labels.size(); i++) {
        if (labels.indexOf(labels.get(i)) != labels.lastIndexOf(labels.get(i))) {
          labels.set(i, labels.get(i) + " (" + dirs.get(i).getFileName() + ")");
        }
      }
      return labels;
    }

    /** "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz" → "Xeon Gold 6338": vendor marks and clock go. */
    static String shortCpu(String model) {
      return model.replaceAll("\\((R|TM|tm|r)\\)", "").replaceAll("\\s*@.*$", "")
          .replaceAll("\\b(CPU|Processor|\\d+-Core)\\b", "").replaceAll("^(Intel|AMD)\\s+", "")
          .replaceAll("\\s+", " ").trim();
    }
  }
}
