package org.alskernel.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis mapped onto a pixel range: linear from zero with round ticks, or logarithmic (for
 * speedups, where 2× and 200× must both be readable) with ticks at 1-2-5 steps.
 */
final class Axis {
  final double min;
  final double max;
  final boolean log;
  private final double pixelLow;
  private final double pixelHigh;

  private Axis(double min, double max, boolean log, double pixelLow, double pixelHigh) {
    this.min = min;
    this.max = max;
    this.log = log;
    this.pixelLow = pixelLow;
    this.pixelHigh = pixelHigh;
  }

  /** Linear from 0 to a round number above {@code top}; pixelLow is where 0 is drawn. */
  static Axis linear(double top, double pixelLow, double pixelHigh) {
    double t = top > 0 && Double.isFinite(top) ? top : 1;
    double step = niceStep(t / 5);
    return new Axis(0, Math.ceil(t / step) * step, false, pixelLow, pixelHigh);
  }

  /** Logarithmic over whole decades around [low, high]. */
  static Axis logarithmic(double low, double high, double pixelLow, double pixelHigh) {
    double lo = low > 0 && Double.isFinite(low) ? low : 1;
    double hi = high > 0 && Double.isFinite(high) ? high : 10;
    double min = Math.pow(10, Math.floor(Math.log10(Math.min(lo, 1))));
    double max = Math.pow(10, Math.ceil(Math.log10(Math.max(hi, min * 10))));
    return new Axis(min, max, true, pixelLow, pixelHigh);
  }

  double pixel(double v) {
    double clamped = Math.max(min, Math.min(max, v));
    double frac = log ? Math.log(clamped / min) / Math.log(max / min) : (clamped - min) / (max - min);
    return pixelLow + frac * (pixelHigh - pixelLow);
  }

  List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    if (log) {
      for (double decade = min; decade <= max * 1.0001; decade *= 10) {
        for (int m : new int[] {1, 2, 5}) {
          if (decade * m <= max * 1.0001) {
            out.add(decade * m);
          }
        }
      }
    } else {
      double step = niceStep((max - min) / 5);
      for (double v = min; v <= max + step / 1000; v += step) {
        out.add(v);
      }
    }
    return out;
  }

  /** The smallest of 1, 2, 5 × 10ⁿ not below {@code raw}. */
  static double niceStep(double raw) {
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (m * decade >= raw) {
        return m * decade;
      }
    }
    return 10 * decade;
  }
}
