package org.alskernel.bench.report;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Param;

/**
 * Finds what the JSON lacks. JMH leaves a benchmark out of its results when its setup throws (a
 * dataset file absent, native BLAS not installed), so gaps are inferred: every benchmark method of
 * the jar ({@link BenchmarkCatalog}) that the run asked for ({@link SuitePlan}) should appear; each
 * JMH run (a Suite part: one set of options, whose params JMH runs as a full cross product) should
 * cover every combination of the param values seen in it, for each of the class's methods it ran;
 * and @Param values never seen are named (left out by the profile, or failed everywhere). Results
 * without a part (a plain JMH run) count as one run.
 */
final class Coverage {
  private static final String PACKAGE = "org.alskernel.bench.";

  /**
   * Benchmarks that only an opt-in build has (the Spark fits: Maven profile spark, Suite --spark):
   * checked like the others when the run has any of their results, never reported absent.
   */
  static final Map<String, List<String>> OPT_IN = Map.of(
      "SparkAlsBenchmark", List.of("fitOneIteration", "fitTwoIterations", "fitTenIterations"),
      "KernelOnSparkBenchmark", List.of("fitOneIteration", "fitTwoIterations", "fitTenIterations"));

  /** BaselineSweepBenchmark refuses the dense baseline above this many users × items. */
  static final long DENSE_MAX_CELLS = 5_000_000L;

  private Coverage() {}

  /**
   * What the results lack, one human-readable line each.
   *
   * @param missing benchmark methods or param combinations absent from the results
   * @param neverMeasured declared @Param values that no result of the class has
   * @param notAsked benchmark methods of the jar the run's profile did not ask for
   */
  record Gaps(List<String> missing, List<String> neverMeasured, List<String> notAsked) {}

  /** The gaps of a plain JMH run against this jar's benchmarks. */
  static Gaps gaps(List<JmhResult> results) {
    return gaps(results, SuitePlan.NONE, BenchmarkCatalog.inJar());
  }

  static Gaps gaps(List<JmhResult> results, SuitePlan plan, Map<String, List<String>> catalog) {
    List<String> out = new ArrayList<>();
    List<String> neverMeasured = new ArrayList<>();
    List<String> notAsked = new ArrayList<>();
    Set<String> present = new TreeSet<>();
    for (JmhResult r : results) {
      present.add(r.benchmark() + "\t" + r.paramsText());
    }
    Map<String, List<String>> classes = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> cls : catalog.entrySet()) {
      List<String> asked = new ArrayList<>();
      for (String m : cls.getValue()) {
        if (plan.asked(PACKAGE + cls.getKey() + "." + m)) asked.add(m);
        else notAsked.add(cls.getKey() + "." + m);
      }
      if (!asked.isEmpty()) classes.put(cls.getKey(), asked);
    }
    for (Map.Entry<String, List<String>> o : OPT_IN.entrySet()) {
      classes.putIfAbsent(o.getKey(), o.getValue());
    }
    for (Map.Entry<String, List<String>> cls : classes.entrySet()) {
      List<JmhResult> ofClass = new ArrayList<>();
      for (JmhResult r : results) {
        if (r.className().equals(cls.getKey())) {
          ofClass.add(r);
        }
      }
      if (ofClass.isEmpty()) {
        if (!OPT_IN.containsKey(cls.getKey())) {
          out.add(cls.getKey() + ": no results at all");
        }
        continue;
      }
      Map<String, Set<String>> seen = new TreeMap<>();
      Map<Integer, List<JmhResult>> byPart = new TreeMap<>();
      for (JmhResult r : ofClass) {
        byPart.computeIfAbsent(r.part(), x -> new ArrayList<>()).add(r);
        for (Map.Entry<String, String> p : r.params().entrySet()) {
          seen.computeIfAbsent(p.getKey(), x -> new LinkedHashSet<>()).add(p.getValue());
        }
      }
      String prefix = ofClass.get(0).benchmark().substring(0, ofClass.get(0).benchmark().lastIndexOf('.') + 1);
      Set<String> reported = new LinkedHashSet<>();
      for (List<JmhResult> run : byPart.values()) {
        for (String method : methodsOf(run, cls.getValue(), byPart.size() > 1)) {
          for (TreeMap<String, String> combo : combinations(paramValues(run))) {
            if (!present.contains(prefix + method + "\t" + JmhResult.paramsText(combo))) {
              String what = cls.getKey() + "." + method + (combo.isEmpty() ? "" : " " + JmhResult.paramsText(combo));
              reported.add(what + (refusedByDesign(cls.getKey(), combo) ? " (not run by design: the dense"
                  + " baseline is limited to small data)" : ": missing (failed or not run)"));
            }
          }
        }
      }
      out.addAll(reported);
      if (plan.smoke()) {
        continue; // a smoke run asks for one value of a few params by design
      }
      for (Map.Entry<String, List<String>> declared : declaredParams(cls.getKey()).entrySet()) {
        List<String> never = new ArrayList<>(declared.getValue());
        never.removeAll(seen.getOrDefault(declared.getKey(), Set.of()));
        if (!never.isEmpty()) {
          neverMeasured.add(cls.getKey() + ": " + declared.getKey() + " = " + String.join(", ", never));
        }
      }
    }
    notAsked.removeIf(b -> OPT_IN.containsKey(b.substring(0, b.indexOf('.'))));
    return new Gaps(out, neverMeasured, notAsked);
  }

  /** The param values seen in some results, by param name. */
  static Map<String, Set<String>> paramValues(List<JmhResult> results) {
    Map<String, Set<String>> seen = new TreeMap<>();
    for (JmhResult r : results) {
      for (Map.Entry<String, String> p : r.params().entrySet()) {
        seen.computeIfAbsent(p.getKey(), x -> new LinkedHashSet<>()).add(p.getValue());
      }
    }
    return seen;
  }

  /**
   * The methods a run should have results for: all the class's, or, when the results come in several
   * Suite parts (each including only some methods), those this run has.
   */
  static List<String> methodsOf(List<JmhResult> run, List<String> all, boolean severalParts) {
    if (!severalParts) {
      return all;
    }
    List<String> out = new ArrayList<>();
    for (String m : all) {
      for (JmhResult r : run) {
        if (r.benchmark().endsWith("." + m)) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  static List<TreeMap<String, String>> combinations(Map<String, Set<String>> values) {
    List<TreeMap<String, String>> out = new ArrayList<>();
    out.add(new TreeMap<>());
    for (Map.Entry<String, Set<String>> p : values.entrySet()) {
      List<TreeMap<String, String>> next = new ArrayList<>();
      for (TreeMap<String, String> partial : out) {
        for (String v : p.getValue()) {
          TreeMap<String, String> c = new TreeMap<>(partial);
          c.put(p.getKey(), v);
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }

  static boolean refusedByDesign(String cls, Map<String, String> params) {
    if (!cls.equals("BaselineSweepBenchmark") || !"dense".equals(params.get("impl"))) {
      return false;
    }
    DatasetShapes.Shape s = DatasetShapes.of(params.get("data"));
    return s != null && s.users() * s.items() > DENSE_MAX_CELLS;
  }

  /** The @Param values the benchmark class declares or inherits, read from its annotations. */
  static Map<String, List<String>> declaredParams(String simpleName) {
    Map<String, List<String>> out = new TreeMap<>();
    try {
      Class<?> c = Class.forName("org.alskernel.bench." + simpleName, false, Coverage.class.getClassLoader());
      for (; c != null; c = c.getSuperclass()) { // JMH inherits @Param fields
        for (Field f : c.getDeclaredFields()) {
          Param p = f.getAnnotation(Param.class);
          if (p != null) {
            out.putIfAbsent(f.getName(), List.of(p.value()));
          }
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // another version of the suite, or its dependencies absent: nothing declared to compare with
    }
    return out;
  }

  static void append(StringBuilder md, List<JmhResult> results, SuitePlan plan) {
    Gaps gaps = gaps(results, plan, BenchmarkCatalog.inJar());
    md.append("## Missing or failed benchmarks\n\n");
    if (gaps.missing().isEmpty()) {
      md.append("None: every benchmark of the suite is present with every combination of the param"
          + " values this run used.\n\n");
    }
    for (String g : gaps.missing()) {
      md.append("- ").append(g).append('\n');
    }
    if (!gaps.neverMeasured().isEmpty()) {
      md.append("\nParam values the suite declares but this run never measured (left out by the"
          + " profile, or failed for every combination):\n\n");
      for (String g : gaps.neverMeasured()) {
        md.append("- ").append(g).append('\n');
      }
    }
    if (!gaps.notAsked().isEmpty()) {
      md.append("\nNot asked for by the ").append(plan.profile()).append(" profile, so not missing: ")
          .append(String.join(", ", gaps.notAsked())).append(".\n");
    }
    md.append('\n');
  }
}
