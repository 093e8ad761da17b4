package org.alskernel.bench.report;

import java.util.Locale;

/** Number formatting for the Markdown report: three significant digits, errors to match. */
final class Fmt {
  private Fmt() {}

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 1000 || a == 0) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** An axis label: whole numbers without decimals, others with as few as they need. */
  static String tick(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }

  /** "12.3 ± 0.4"; the error reads "?" when JMH could not give one (a single iteration). */
  static String pm(Estimate e) {
    if (!e.known()) {
      return "–";
    }
    return num(e.value()) + " ± " + (Double.isFinite(e.error()) ? num(e.error()) : "?");
  }

  static String ratio(Estimate e) {
    if (!e.known()) {
      return "–";
    }
    return num(e.value()) + "× ± " + (Double.isFinite(e.error()) ? num(e.error()) : "?");
  }

  static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v) : "–";
  }

  /** A time in the unit that keeps it between 1 and 1000. */
  static String time(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "–";
    }
    double a = Math.abs(seconds);
    if (a >= 1) {
      return num(seconds) + " s";
    }
    if (a >= 1e-3) {
      return num(seconds * 1e3) + " ms";
    }
    if (a >= 1e-6) {
      return num(seconds * 1e6) + " µs";
    }
    return num(seconds * 1e9) + " ns";
  }

  static String bytes(double b) {
    if (!Double.isFinite(b)) {
      return "–";
    }
    if (b >= 1 << 20) {
      return num(b / (1 << 20)) + " MiB";
    }
    if (b >= 1 << 10) {
      return num(b / (1 << 10)) + " KiB";
    }
    return num(b) + " B";
  }
}
