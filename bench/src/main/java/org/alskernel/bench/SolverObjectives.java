package org.alskernel.bench;

import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;

/**
 * The objective each row solver reaches: trains the sweep benchmarks' datasets with their settings
 * ({@link BenchDatasets#settings}) for a number of iterations with Cholesky and with conjugate
 * gradient (the default steps, or each count given), from the same seed, and prints the full implicit
 * objective of both as a markdown table. Times come from SweepBenchmark (JMH, its cgSteps param),
 * not from here.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.alskernel.bench.SolverObjectives [iterations=15] [data,...] [k,...] [cg steps,...]</pre>
 */
public final class SolverObjectives {
  private SolverObjectives() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<String> datasets =
        List.of(args.length > 1 ? args[1].split(",") : new String[] {"synthetic-5m", "lastfm"});
    List<String> ks = List.of(args.length > 2 ? args[2].split(",") : new String[] {"32", "64", "128"});
    List<String> steps = List.of(
        args.length > 3 ? args[3].split(",") : new String[] {"" + AlsConfig.DEFAULT_CG_STEPS});
    System.out.println("| data | k | Cholesky objective | CG steps | CG objective | CG / Cholesky − 1 |");
    System.out.println("|---|---|---|---|---|---|");
    for (String data : datasets) {
      CsrMatrix m = BenchDatasets.load(data);
      for (String kText : ks) {
        int k = Integer.parseInt(kText);
        double exact = objective(m, BenchDatasets.settings(data, k).solver(Solver.CHOLESKY), iterations);
        for (String s : steps) {
          double cg = objective(m, BenchDatasets.settings(data, k).conjugateGradient(Integer.parseInt(s)),
              iterations);
          System.out.printf("| %s | %d | %.6g | %s | %.6g | %+.3f%% |%n", data, k, exact, s, cg,
              100 * (cg / exact - 1));
        }
      }
    }
  }

  private static double objective(CsrMatrix m, AlsConfig.Builder settings, int iterations) {
    AlsConfig config = settings.iterations(iterations).build();
    try (AlsSession session = new AlsSession(m, config)) {
      for (int i = 0; i < iterations; i++) {
        session.iterate();
      }
      return session.loss();
    }
  }
}
