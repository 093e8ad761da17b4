package org.alskernel.bench.report;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarks this jar holds, read from JMH's own list ({@code META-INF/BenchmarkList}, written by
 * its annotation processor), so that a new benchmark class is in every report without anyone keeping
 * a list by hand.
 */
final class BenchmarkCatalog {
  private static final String PACKAGE = "org.alskernel.bench.";

  private BenchmarkCatalog() {}

  /** Benchmark methods by simple class name, both sorted. */
  static Map<String, List<String>> inJar() {
    Map<String, List<String>> out = new TreeMap<>();
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    for (BenchmarkListEntry e : BenchmarkList.defaultList()
        .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
      String cls = e.getUserClassQName();
      String simple = cls.startsWith(PACKAGE) ? cls.substring(PACKAGE.length()) : cls;
      String method = e.getUsername().substring(cls.length() + 1);
      List<String> methods = out.computeIfAbsent(simple, x -> new ArrayList<>());
      if (!methods.contains(method)) {
        methods.add(method);
        methods.sort(null);
      }
    }
    return out;
  }
}
