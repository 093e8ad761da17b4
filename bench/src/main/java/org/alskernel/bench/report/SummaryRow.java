package org.alskernel.bench.report;

import java.util.SortedMap;

/**
 * One line of summary.tsv: a JMH result with its time per operation, effective flops and throughput.
 *
 * @param benchmark short name, e.g. SweepBenchmark.userHalfSweep; SparkAlsBenchmark.iteration is not a
 *     JMH result but derived from the two Spark fits (mode "derived", see Summary)
 * @param threads threads doing the work: JMH's threads, or for SweepBenchmark and SparkAlsBenchmark
 *     their {@code threads} param with "all" counted as the machine's logical cores
 * @param measured JMH's score, its error and unit
 * @param secondsPerOp wall time of one operation of one JMH thread
 * @param speed the effective flops and how they compare with the machine's peak
 * @param allocBytesPerOp gc.alloc.rate.norm, NaN when not measured
 */
record SummaryRow(String benchmark, SortedMap<String, String> params, String mode, int threads,
    Score measured, double secondsPerOp, Speed speed, double allocBytesPerOp) {

  /** JMH's score with its error (99.9% half-width) and unit. */
  record Score(double value, double error, String unit) {}

  /**
   * @param flopsPerOp effective floating-point operations of one op
   * @param gflops effective GFLOP/s of all JMH threads together, with the score's relative error
   * @param pctOfPeak gflops as a percentage of {@code peak}
   * @param peak which measured peak the percentage refers to, e.g. "floatOneThread"
   */
  record Speed(double flopsPerOp, Estimate gflops, double pctOfPeak, String peak) {}

  double score() {
    return measured.value();
  }

  double scoreError() {
    return measured.error();
  }

  String unit() {
    return measured.unit();
  }

  double flopsPerOp() {
    return speed.flopsPerOp();
  }

  Estimate gflops() {
    return speed.gflops();
  }

  double pctOfPeak() {
    return speed.pctOfPeak();
  }

  String peak() {
    return speed.peak();
  }

  String paramsText() {
    return JmhResult.paramsText(params);
  }

  String param(String name) {
    return params.get(name);
  }

  /** The time per op with the score's error carried over in proportion. */
  Estimate time() {
    return Estimate.of(secondsPerOp, secondsPerOp * Math.abs(scoreError() / score()));
  }

  /** The key Compare matches folders on: short benchmark name and sorted params. */
  String key() {
    String p = paramsText();
    return p.isEmpty() ? benchmark : benchmark + " " + p;
  }
}
