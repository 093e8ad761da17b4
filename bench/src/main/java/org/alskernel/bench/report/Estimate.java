package org.alskernel.bench.report;

/**
 * A measured value with its error, where the error is JMH's: the half-width of the 99.9% confidence
 * interval (NaN when JMH had too few iterations to give one). Ratios combine the relative errors in
 * quadrature, which assumes the two measurements are independent (they come from different forks).
 */
record Estimate(double value, double error) {

  static Estimate of(double value, double error) {
    return new Estimate(value, error);
  }

  /** Error over value; NaN when either is unknown or the value is zero. */
  double relativeError() {
    return value == 0 ? Double.NaN : Math.abs(error / value);
  }

  /** This estimate multiplied by an exact factor: the relative error is unchanged. */
  Estimate times(double factor) {
    return new Estimate(value * factor, Math.abs(error * factor));
  }

  /** numerator / denominator with √(r₁² + r₂²) as its relative error. */
  static Estimate ratio(Estimate numerator, Estimate denominator) {
    double v = numerator.value / denominator.value;
    double r1 = numerator.relativeError();
    double r2 = denominator.relativeError();
    return new Estimate(v, Math.abs(v) * Math.sqrt(r1 * r1 + r2 * r2));
  }

  boolean known() {
    return Double.isFinite(value);
  }
}
