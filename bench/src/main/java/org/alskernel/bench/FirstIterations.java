package org.alskernel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;

/**
 * Where a fit's first iteration goes: several fits of one dataset in one JVM, each timing its session
 * (the transpose and every buffer), each half-sweep of its iterations, and the collectors' pause time
 * and the JIT's compile time within each. The first fit pays the JIT and class loading; later fits
 * pay only what every fit pays (new arrays, their first touch). Wall times of one run, for finding
 * the cost; the steady iteration times that count are SweepBenchmark's.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.alskernel.bench.FirstIterations [data=synthetic-5m] [k=32] [solver=cg] [fits=3] [iterations=5]</pre>
 */
public final class FirstIterations {
  private FirstIterations() {}

  public static void main(String[] args) {
    String data = args.length > 0 ? args[0] : "synthetic-5m";
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    Solver solver = Solver.byLabel(args.length > 2 ? args[2] : "cg");
    int fits = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    CsrMatrix m = BenchDatasets.load(data);
    AlsConfig config = BenchDatasets.settings(data, k).solver(solver).iterations(iterations).build();
    System.out.printf("%s, k = %d, %s, %d threads%n", data, k, solver.label(), config.threads());
    System.out.println("| fit | step | wall ms | GC pause ms | JIT compile ms |");
    System.out.println("|---|---|---:|---:|---:|");
    for (int fit = 1; fit <= fits; fit++) {
      Clock clock = new Clock();
      try (AlsSession s = new AlsSession(m, config)) {
        clock.lap(fit, "session (transpose, buffers)");
        for (int it = 1; it <= iterations; it++) {
          s.updateUsers();
          clock.lap(fit, "iteration " + it + " users");
          s.updateItems();
          clock.lap(fit, "iteration " + it + " items");
        }
      }
    }
  }

  /** Wall, GC and JIT time since the last lap. */
  private static final class Clock {
    private long wall = System.nanoTime();
    private long gc = gcMillis();
    private long jit = jitMillis();

    void lap(int fit, String step) {
      long w = System.nanoTime();
      long g = gcMillis();
      long j = jitMillis();
      System.out.printf("| %d | %s | %.0f | %d | %d |%n", fit, step, (w - wall) / 1e6, g - gc, j - jit);
      wall = w;
      gc = g;
      jit = j;
    }

    private static long gcMillis() {
      long sum = 0;
      for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
        sum += Math.max(0, b.getCollectionTime());
      }
      return sum;
    }

    private static long jitMillis() {
      return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
  }
}
