package org.alskernel.bench.report;

import java.util.Map;
import java.util.SortedMap;

/**
 * One entry of JMH's JSON result file, reduced to what the report uses.
 *
 * @param benchmark fully qualified, e.g. org.alskernel.bench.SweepBenchmark.userHalfSweep
 * @param mode JMH's short mode name: avgt, thrpt, sample, ss
 * @param threads JMH worker threads running the benchmark method at once
 * @param params the @Param values, sorted by name
 * @param allocBytesPerOp gc.alloc.rate.norm in B/op, NaN when the run had no GC profiler
 * @param part which of the Suite's JMH runs produced it ({@value JmhJson#PART}), -1 when unknown
 */
record JmhResult(String benchmark, String mode, int threads, SortedMap<String, String> params,
    double score, double scoreError, String unit, double allocBytesPerOp, int part) {

  /** "SweepBenchmark.userHalfSweep": the class's simple name and the method. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int cls = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(cls + 1);
  }

  /** The benchmark class's simple name, e.g. SweepBenchmark. */
  String className() {
    String s = shortName();
    return s.substring(0, s.indexOf('.'));
  }

  /** "data=ml-100k,k=64": params sorted by name, the empty string when there are none. */
  String paramsText() {
    return paramsText(params);
  }

  static String paramsText(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }
}
