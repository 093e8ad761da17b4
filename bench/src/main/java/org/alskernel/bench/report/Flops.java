package org.alskernel.bench.report;

import java.util.Map;
import java.util.Properties;
import org.alskernel.bench.GramBenchmark;
import org.alskernel.bench.PeakBenchmark;
import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.train.AlsConfig;

/**
 * Effective flops of one benchmark operation: fixed by the problem (the multiply-adds a dense,
 * unpadded algorithm needs), not by what an implementation happens to execute, so that GFLOP/s compare
 * implementations fairly. The formulas are derived in docs/math.md and repeated in each benchmark's
 * Javadoc.
 */
public final class Flops {
  private static final String PACKAGE = "org.alskernel.bench.";

  private Flops() {}

  /**
   * Flops of one operation of {@code benchmark} (fully qualified, or short as "Class.method") with the
   * given JMH params; NaN for a benchmark this table does not know or a param it cannot read. The
   * machine file supplies the vector lanes that size one PeakBenchmark call.
   */
  public static double perOp(String benchmark, Map<String, String> params, Properties machine) {
    String name = benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    try {
      return switch (name) {
        case "PeakBenchmark.floatOneThread", "PeakBenchmark.floatAllThreads" ->
            peak(lanes(machine, "vector.float.lanes"));
        case "PeakBenchmark.doubleOneThread", "PeakBenchmark.doubleAllThreads" ->
            peak(lanes(machine, "vector.double.lanes"));
        case "RowBuildBenchmark.build" -> build(num(params, "interactions"), num(params, "k"));
        case "CholeskyBenchmark.factorAndSolve" -> solve(num(params, "k"));
        case "BatchedCholeskyBenchmark.factorAndSolveBatch" -> // one system per lane
            ("scalar".equals(params.get("ops")) ? 1 : lanes(machine, "vector.float.lanes"))
                * solve(num(params, "k"));
        case "RowSolveBenchmark.solveRow" ->
            build(num(params, "interactions"), num(params, "k")) + solve(num(params, "k"));
        case "GramBenchmark.gram" -> gram(GramBenchmark.ROWS, num(params, "k"));
        case "NeighbourProductBenchmark.product" -> 4 * num(params, "interactions") * num(params, "k");
        case "ConjugateGradientRowBenchmark.solveRows" -> conjugateGradientRows(params);
        case "SweepBenchmark.userHalfSweep", "BaselineSweepBenchmark.userHalfSweep" ->
            userHalfSweep(params);
        case "SweepBenchmark.itemHalfSweep" -> itemHalfSweep(params);
        case "SweepBenchmark.iteration", "SparkAlsBenchmark.iteration",
            "SparkAlsBenchmark.fitOneIteration" -> iteration(params);
        case "SparkAlsBenchmark.fitTwoIterations" -> 2 * iteration(params);
        default -> Double.NaN;
      };
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** One PeakBenchmark call: ACCUMULATORS FMAs (2 flops per lane) per step. */
  static double peak(double lanes) {
    return 2.0 * PeakBenchmark.ACCUMULATORS * PeakBenchmark.STEPS * lanes;
  }

  /** A_u += Σ w·y yᵀ over n interactions, counted as the full k×k rank-one updates: 2·n·k². */
  static double build(double n, double k) {
    return 2 * n * k * k;
  }

  /** Cholesky k³/3 plus the two triangular solves 2k². */
  static double solve(double k) {
    return k * k * k / 3 + 2 * k * k;
  }

  /**
   * The rows a conjugate-gradient solver takes together (padding aside, which the benchmark's k
   * values need none of), each with its residual and steps products: G·v (2k²) and the neighbour
   * product (4·n·k) each.
   */
  static double conjugateGradientRows(Map<String, String> params) {
    double k = num(params, "k");
    double n = num(params, "interactions");
    int rows = ConjugateGradient.rowsTogether((int) k);
    return rows * (num(params, "steps") + 1) * (2 * k * k + 4 * n * k);
  }

  /** YᵀY over the given number of rows: 2·rows·k². */
  static double gram(double rows, double k) {
    return 2 * rows * k * k;
  }

  /**
   * Build over every interaction, one solve per user, and the item Gram; with conjugate-gradient
   * rows, their products ({@link #conjugateGradientSide}).
   */
  static double userHalfSweep(Map<String, String> params) {
    DatasetShapes.Shape s = shape(params);
    double k = num(params, "k");
    if (conjugateGradient(params)) {
      return conjugateGradientSide(s.users(), s.nnz(), k, steps(params));
    }
    return build(s.nnz(), k) + s.users() * solve(k) + gram(s.items(), k);
  }

  /** Build over every interaction, one solve per item, and the user Gram; or the CG products. */
  static double itemHalfSweep(Map<String, String> params) {
    DatasetShapes.Shape s = shape(params);
    double k = num(params, "k");
    if (conjugateGradient(params)) {
      return conjugateGradientSide(s.items(), s.nnz(), k, steps(params));
    }
    return build(s.nnz(), k) + s.items() * solve(k) + gram(s.users(), k);
  }

  /**
   * A side's conjugate-gradient rows: the residual and each step are one product with A per row,
   * 2k² for G·v and 4k per entry (its dot product and its scaled add). Counted apart from the
   * Cholesky sweep's flops, which CG does not do.
   */
  static double conjugateGradientSide(double rows, double nnz, double k, double steps) {
    return (steps + 1) * (2 * rows * k * k + 4 * nnz * k);
  }

  private static boolean conjugateGradient(Map<String, String> params) {
    return "cg".equals(params.get("solver"));
  }

  /** A sweep's CG steps: its cgSteps param, or the default for results from before it had one. */
  private static double steps(Map<String, String> params) {
    return params.containsKey("cgSteps") ? num(params, "cgSteps") : AlsConfig.DEFAULT_CG_STEPS;
  }

  /**
   * Both half-sweeps: every interaction is built twice, every row on both sides solved once. Also the
   * flops of Spark's ALS iterations: its fits count only their iterations, so their GFLOP/s has Spark's
   * set-up in the time; the derived SparkAlsBenchmark.iteration has not (see Summary).
   */
  static double iteration(Map<String, String> params) {
    DatasetShapes.Shape s = shape(params);
    double k = num(params, "k");
    if (conjugateGradient(params)) {
      double steps = steps(params);
      return conjugateGradientSide(s.users(), s.nnz(), k, steps)
          + conjugateGradientSide(s.items(), s.nnz(), k, steps);
    }
    long rows = s.users() + s.items();
    return 2 * build(s.nnz(), k) + rows * solve(k) + gram(rows, k);
  }

  private static DatasetShapes.Shape shape(Map<String, String> params) {
    DatasetShapes.Shape s = DatasetShapes.of(params.get("data"));
    if (s == null) {
      throw new NumberFormatException("unknown dataset " + params.get("data"));
    }
    return s;
  }

  private static double num(Map<String, String> params, String key) {
    String v = params.get(key);
    if (v == null) {
      throw new NumberFormatException("missing param " + key);
    }
    return Double.parseDouble(v.trim());
  }

  private static double lanes(Properties machine, String key) {
    String v = machine == null ? null : machine.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new NumberFormatException("machine file has no " + key);
    }
    return Double.parseDouble(v.trim());
  }
}
