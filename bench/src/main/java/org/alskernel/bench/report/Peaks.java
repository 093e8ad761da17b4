package org.alskernel.bench.report;

import java.util.List;

/**
 * The FMA peaks PeakBenchmark measured in the same run. Every result is quoted against the float peak
 * (the kernels compute in float): the one-thread peak for single-threaded work, the all-threads peak
 * for work on every core, and a share of it, scaled by threads, in between.
 */
final class Peaks {
  /** A peak in GFLOP/s and the name the report gives it. */
  record Reference(String name, double gflops) {}

  final Estimate floatOne;
  final Estimate floatAll;
  final Estimate doubleOne;
  final Estimate doubleAll;
  /** JMH threads of floatAllThreads (Threads.MAX resolves to the logical cores). */
  final int allThreads;

  private Peaks(Estimate floatOne, Estimate floatAll, Estimate doubleOne, Estimate doubleAll,
      int allThreads) {
    this.floatOne = floatOne;
    this.floatAll = floatAll;
    this.doubleOne = doubleOne;
    this.doubleAll = doubleAll;
    this.allThreads = allThreads;
  }

  static Peaks from(List<SummaryRow> rows) {
    Estimate f1 = null, fa = null, d1 = null, da = null;
    int all = 0;
    for (SummaryRow r : rows) {
      switch (r.benchmark()) {
        case "PeakBenchmark.floatOneThread" -> f1 = r.gflops();
        case "PeakBenchmark.floatAllThreads" -> {
          fa = r.gflops();
          all = r.threads();
        }
        case "PeakBenchmark.doubleOneThread" -> d1 = r.gflops();
        case "PeakBenchmark.doubleAllThreads" -> da = r.gflops();
        default -> { }
      }
    }
    return new Peaks(f1, fa, d1, da, all);
  }

  /** The float peak matching work on the given number of threads; null when it was not measured. */
  Reference forThreads(int threads) {
    if (threads <= 1) {
      return floatOne == null ? null : new Reference("floatOneThread", floatOne.value());
    }
    if (floatAll == null) {
      return null;
    }
    if (threads >= allThreads) {
      return new Reference("floatAllThreads(" + allThreads + ")", floatAll.value());
    }
    return new Reference("floatAllThreads(" + allThreads + ")*" + threads + "/" + allThreads,
        floatAll.value() * threads / allThreads);
  }
}
