package org.alskernel.bench.report;

import java.util.SortedMap;

/**
 * One line of summary.tsv: a JMH result with its time per operation, effective flops and throughput.
 *
 * @param benchmark short name, e.g. SweepBenchmark.userHalfSweep; SparkAlsBenchmark.iteration is not a
 *     JMH result but derived from the two Spark fits (mode "derived", see Summary)
 * @param threads threads doing the work: JMH's threads, or for SweepBenchmark and SparkAlsBenchmark
 *     their {@code threads} param with "all" counted as the machine's logical cores
 * @param secondsPerOp wall time of one operation of one JMH thread
 * @param gflops effective GFLOP/s of all JMH threads together, with the score's relative error
 * @param pctOfPeak gflops as a percentage of {@code peak}
 * @param peak which measured peak the percentage refers to, e.g. "floatOneThread"
 * @param allocBytesPerOp gc.alloc.rate.norm, NaN when not measured
 */
record SummaryRow(String benchmark, SortedMap<String, String> params, String mode, int threads,
    double score, double scoreError, String unit, double secondsPerOp, double flopsPerOp,
    Estimate gflops, double pctOfPeak, String peak, double allocBytesPerOp) {

  String paramsText() {
    return JmhResult.paramsText(params);
  }

  String param(String name) {
    return params.get(name);
  }

  /** The time per op with the score's error carried over in proportion. */
  Estimate time() {
    return Estimate.of(secondsPerOp, secondsPerOp * Math.abs(scoreError / score));
  }

  /** The key Compare matches folders on: short benchmark name and sorted params. */
  String key() {
    String p = paramsText();
    return p.isEmpty() ? benchmark : benchmark + " " + p;
  }
}
