package org.alskernel.bench.report;

import java.util.Locale;

/** Turns a JMH score and its unit ("us/op", "ops/ms", …) into seconds per operation. */
final class TimeUnits {
  private TimeUnits() {}

  /**
   * Seconds per operation. Time-per-op units (average time, sample and single-shot modes) scale the
   * score; throughput units ("ops/s") invert it.
   *
   * @throws IllegalArgumentException for a unit that is neither form, such as "B/op"
   */
  static double secondsPerOp(double score, String unit) {
    String u = unit.trim();
    if (u.endsWith("/op")) {
      return score * seconds(u.substring(0, u.length() - 3));
    }
    if (u.startsWith("ops/")) {
      return seconds(u.substring(4)) / score;
    }
    throw new IllegalArgumentException("not a time or throughput unit: " + unit);
  }

  /** The length of one JMH time unit in seconds. */
  static double seconds(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "ns" -> 1e-9;
      case "us", "µs", "μs" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min", "m" -> 60;
      case "hr", "h" -> 3600;
      case "day", "d" -> 86400;
      default -> throw new IllegalArgumentException("unknown time unit: " + unit);
    };
  }
}
