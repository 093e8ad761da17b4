package org.alskernel.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alskernel.train.AlsConfig;

/**
 * The sweep part of report.md: the kernel's sweeps on one thread and on all, the speedup of the
 * kernel's user half-sweep (vector, one thread) over every baseline measured in the same run, and,
 * when the run has SparkAlsBenchmark (Maven profile spark), the kernel's iteration against Spark
 * MLlib's with the same threads.
 */
final class SweepSection {
  static final String SWEEP = "SweepBenchmark";
  private static final String DEFAULT_CG_STEPS = String.valueOf(AlsConfig.DEFAULT_CG_STEPS);
  static final String BASELINE = "BaselineSweepBenchmark.userHalfSweep";
  static final String CHART = "chart-sweep-speedups.svg";
  /** The baselines in the order the table shows them; "scalar" is the kernel's own fallback. */
  static final List<String> BASELINES = List.of("scalar", "textbook", "spark-native", "spark-java",
      "dense");

  private SweepSection() {}

  static void append(StringBuilder md, RowIndex index, Path dir) throws IOException {
    List<String[]> shapes = datasetsAndKs(index);
    if (shapes.isEmpty()) {
      return;
    }
    md.append("## Sweeps\n\n")
        .append("The kernel's sweeps (ops=vector). A user half-sweep solves every user against the"
            + " item factors, item Gram included; an iteration does both sides. % of peak is against"
            + " the one-thread peak for threads=1 and the all-threads peak for threads=all.\n\n");
    MdTable kernel = new MdTable("data", "k", "sweep", "1 thread", "GFLOP/s", "% peak",
        "all threads", "GFLOP/s", "% peak", "all / 1 thread");
    for (String[] dk : shapes) {
      for (String method : List.of("userHalfSweep", "iteration")) {
        SummaryRow one = sweep(index, method, dk, "vector", "1");
        SummaryRow all = sweep(index, method, dk, "vector", "all");
        if (one == null && all == null) {
          continue;
        }
        kernel.row(dk[0], dk[1], method, KernelSection.time(one), KernelSection.gflops(one),
            KernelSection.pct(one), KernelSection.time(all), KernelSection.gflops(all),
            KernelSection.pct(all),
            one == null || all == null ? "–" : Fmt.ratio(Estimate.ratio(one.time(), all.time())));
      }
    }
    kernel.appendTo(md);
    appendConjugateGradient(md, index, shapes);

    md.append("### Speedup of the kernel over the baselines\n\n")
        .append("Baseline time over the kernel's time (userHalfSweep, ops=vector, one thread), same run,"
            + " one thread each. `scalar` is the kernel's own scalar fallback (ops=scalar). ± is"
            + " JMH's error, the half-width of the 99.9% confidence interval, with the two relative"
            + " errors combined in quadrature; \"?\" means JMH had too few iterations to give one.\n\n");
    List<String> header = new ArrayList<>(List.of("data", "k", "kernel time"));
    for (String b : BASELINES) {
      header.add("vs " + b);
    }
    MdTable speedups = new MdTable(header.toArray(String[]::new));
    List<String> groups = new ArrayList<>();
    Estimate[][] bars = new Estimate[BASELINES.size()][shapes.size()];
    for (int g = 0; g < shapes.size(); g++) {
      String[] dk = shapes.get(g);
      groups.add(dk[0] + " k=" + dk[1]);
      SummaryRow kernelRow = sweep(index, "userHalfSweep", dk, "vector", "1");
      List<String> cells = new ArrayList<>(List.of(dk[0], dk[1], KernelSection.time(kernelRow)));
      for (int b = 0; b < BASELINES.size(); b++) {
        SummaryRow base = baseline(index, BASELINES.get(b), dk);
        Estimate ratio = kernelRow == null || base == null ? Estimate.of(Double.NaN, Double.NaN)
            : Estimate.ratio(base.time(), kernelRow.time());
        bars[b][g] = ratio;
        cells.add(Fmt.ratio(ratio));
      }
      speedups.row(cells.toArray(String[]::new));
    }
    speedups.appendTo(md);
    List<String> series = new ArrayList<>();
    for (String b : BASELINES) {
      series.add("vs " + b);
    }
    Files.writeString(dir.resolve(CHART), BarChart.render(
        "Kernel user half-sweep (vector, 1 thread): speedup over each baseline", "speedup (×, log)",
        groups, series, bars, true, 1, "1×"), StandardCharsets.UTF_8);
    md.append("![speedups of the kernel over the baselines](").append(CHART).append(")\n\n");
    appendSpark(md, index);
  }

  /**
   * The kernel's iteration against Spark MLlib's (SparkAlsBenchmark, Maven profile spark), same data,
   * k and threads; nothing when the run has no Spark results.
   */
  static void appendSpark(StringBuilder md, RowIndex index) {
    Map<String, SummaryRow> keys = new LinkedHashMap<>();
    List<SummaryRow> sparkRows = new ArrayList<>(index.of(Summary.SPARK_ONE));
    sparkRows.addAll(index.of(Summary.SPARK_TWO));
    sparkRows.sort((a, b) -> RowIndex.compareParams(a.params(), b.params()));
    for (SummaryRow r : sparkRows) {
      keys.putIfAbsent(r.paramsText(), r);
    }
    if (keys.isEmpty()) {
      return;
    }
    md.append("### Speedup of the kernel over Spark MLlib ALS, per iteration\n\n")
        .append("Spark MLlib's ALS (implicitPrefs, local mode: `local[1]` for threads=1, `local[*]` for"
            + " all; same matrix, k, λ and α) against the kernel's iteration (ops=vector) on the same"
            + " threads. Spark's `fit` always includes its set-up (blocking the ratings, caching,"
            + " initialisation, materialising the factors), so its iteration is derived: fit with"
            + " maxIter = 2 minus fit with maxIter = 1, errors in quadrature; set-up is the one-iteration"
            + " fit minus that (– where the difference is not positive: noise larger than an"
            + " iteration; run more iterations). vs spark-mllib = Spark's iteration over the"
            + " kernel's.\n\n");
    MdTable t = new MdTable("data", "k", "threads", "kernel iteration", "spark-mllib iteration",
        "GFLOP/s", "spark set-up", "spark fit, 1 iteration", "vs spark-mllib");
    for (SummaryRow any : keys.values()) {
      String[] dk = {any.param("data"), any.param("k")};
      String threads = any.param("threads");
      SummaryRow kernel = sweep(index, "iteration", dk, "vector", threads);
      SummaryRow one = index.find(Summary.SPARK_ONE, any.params());
      SummaryRow iteration = index.find(Summary.SPARK_ITERATION, any.params());
      String setUp = one == null || iteration == null ? "–"
          : Fmt.time(one.secondsPerOp() - iteration.secondsPerOp());
      Estimate ratio = kernel == null || iteration == null ? Estimate.of(Double.NaN, Double.NaN)
          : Estimate.ratio(iteration.time(), kernel.time());
      t.row(dk[0], dk[1], threads, KernelSection.time(kernel), KernelSection.time(iteration),
          KernelSection.gflops(iteration), setUp, KernelSection.time(one), Fmt.ratio(ratio));
    }
    t.appendTo(md);
  }

  /**
   * The kernel's Cholesky sweep (the exact solver every other table is about); results from before
   * SweepBenchmark had a solver param are Cholesky sweeps too.
   */
  private static SummaryRow sweep(RowIndex index, String method, String[] dk, String ops, String threads) {
    SummaryRow row = sweep(index, method, dk, ops, threads, "cholesky");
    return row != null ? row
        : index.find(SWEEP + "." + method, "data", dk[0], "k", dk[1], "ops", ops, "threads", threads);
  }

  /** With the default CG steps (Cholesky rows carry the param too, unused). */
  private static SummaryRow sweep(RowIndex index, String method, String[] dk, String ops,
      String threads, String solver) {
    return sweep(index, method, dk, ops, threads, solver, DEFAULT_CG_STEPS);
  }

  /** Results from before SweepBenchmark had a cgSteps param were run with the default steps. */
  private static SummaryRow sweep(RowIndex index, String method, String[] dk, String ops,
      String threads, String solver, String cgSteps) {
    SummaryRow row = index.find(SWEEP + "." + method, "data", dk[0], "k", dk[1], "ops", ops, "threads",
        threads, "solver", solver, "cgSteps", cgSteps);
    return row != null || !cgSteps.equals(DEFAULT_CG_STEPS) ? row
        : index.find(SWEEP + "." + method, "data", dk[0], "k", dk[1], "ops", ops, "threads", threads,
            "solver", solver);
  }

  /** The cgSteps values of the run's CG iterations, in numeric order (the default when absent). */
  private static List<String> cgStepCounts(RowIndex index) {
    Set<String> steps = new TreeSet<>(RowIndex::compareValues);
    for (SummaryRow r : index.of(SWEEP + ".iteration")) {
      if ("cg".equals(r.param("solver"))) {
        steps.add(r.param("cgSteps") == null ? DEFAULT_CG_STEPS : r.param("cgSteps"));
      }
    }
    return new ArrayList<>(steps);
  }

  /**
   * One iteration with conjugate-gradient rows (solver=cg) against the same iteration with Cholesky,
   * on one thread and on all, where the run has both; CG's rate counts its own products.
   */
  static void appendConjugateGradient(StringBuilder md, RowIndex index, List<String[]> shapes) {
    MdTable t = new MdTable("data", "k", "threads", "CG steps", "Cholesky iteration", "CG iteration",
        "CG / Cholesky", "CG GFLOP/s", "CG % peak");
    boolean any = false;
    for (String[] dk : shapes) {
      for (String threads : List.of("1", "all")) {
        SummaryRow chol = sweep(index, "iteration", dk, "vector", threads, "cholesky");
        for (String steps : cgStepCounts(index)) {
          SummaryRow cg = sweep(index, "iteration", dk, "vector", threads, "cg", steps);
          if (chol == null || cg == null) {
            continue;
          }
          any = true;
          t.row(dk[0], dk[1], threads, steps, KernelSection.time(chol), KernelSection.time(cg),
              Fmt.ratio(Estimate.ratio(cg.time(), chol.time())), KernelSection.gflops(cg),
              KernelSection.pct(cg));
        }
      }
    }
    if (!any) {
      return;
    }
    md.append("### Conjugate gradient vs Cholesky\n\n")
        .append("One iteration (ops=vector) with rows solved by warm-started"
            + " conjugate-gradient steps (solver=cg; the default is " + DEFAULT_CG_STEPS + " steps)"
            + " and by Cholesky, same run. CG's GFLOP/s counts its products: per side and step, and"
            + " once more for the residual, 2·rows·k² for G·v and 4·nnz·k for the neighbours."
            + " The objectives each reaches are in docs/benchmarks.md (SolverObjectives).\n\n");
    t.appendTo(md);
  }

  private static SummaryRow baseline(RowIndex index, String name, String[] dk) {
    if (name.equals("scalar")) {
      return sweep(index, "userHalfSweep", dk, "scalar", "1");
    }
    return index.find(BASELINE, "data", dk[0], "impl", name, "k", dk[1]);
  }

  /** Every (data, k) that any sweep or baseline measured, in data-then-k order. */
  private static List<String[]> datasetsAndKs(RowIndex index) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> out = new ArrayList<>();
    List<SummaryRow> rows = new ArrayList<>(index.of(SWEEP + ".userHalfSweep"));
    rows.addAll(index.of(SWEEP + ".iteration"));
    rows.addAll(index.of(BASELINE));
    rows.addAll(index.of(Summary.SPARK_ONE));
    rows.addAll(index.of(Summary.SPARK_TWO));
    rows.sort((a, b) -> {
      int c = a.param("data").compareTo(b.param("data"));
      return c != 0 ? c : RowIndex.compareValues(a.param("k"), b.param("k"));
    });
    for (SummaryRow r : rows) {
      if (r.param("data") != null && r.param("k") != null && seen.add(r.param("data") + "\t" + r.param("k"))) {
        out.add(new String[] {r.param("data"), r.param("k")});
      }
    }
    return out;
  }
}
