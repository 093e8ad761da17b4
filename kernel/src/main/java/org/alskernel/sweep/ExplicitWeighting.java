package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;

/**
 * How much each rating counts in explicit ALS: the weight w_ui of the term w_ui·(r_ui − r̂_ui)² of the
 * objective (docs/math.md, "Weighted explicit ALS"). Every weight must be finite and &gt; 0.
 *
 * <p>The popularity weightings depend on c_i, the number of training ratings of item i, and
 * down-weight popular items when w0 is small: {@code w_i = w0 + wk / c_i} (linear) or
 * {@code w_i = w0 + (1 / c_i)^e} (exponential).
 */
public sealed interface ExplicitWeighting {

  /** Every rating weighs 1. */
  record Uniform() implements ExplicitWeighting {}

  /** w_i = w0 + wk / c_i. */
  record LinearPopularity(float w0, float wk) implements ExplicitWeighting {
    public LinearPopularity {
      requireNonNegative("popularity weight w0", w0);
      requireNonNegative("popularity weight wk", wk);
      if (w0 == 0f && wk == 0f) {
        throw new IllegalArgumentException("popularity weights w0 and wk are both 0: every weight"
            + " would be 0; a weight must be > 0");
      }
    }
  }

  /** w_i = w0 + (1 / c_i)^e. */
  record ExponentialPopularity(float w0, float e) implements ExplicitWeighting {
    public ExponentialPopularity {
      requireNonNegative("popularity weight w0", w0);
      requireNonNegative("popularity exponent e", e);
    }
  }

  /**
   * One weight per rating: a matrix with exactly the ratings' shape and stored positions (same indptr
   * and indices), checked when training starts.
   */
  record PerEntry(CsrMatrix weights) implements ExplicitWeighting {
    public PerEntry {
      if (weights == null) {
        throw new IllegalArgumentException("per-entry weight matrix must not be null");
      }
    }
  }

  static ExplicitWeighting uniform() {
    return new Uniform();
  }

  static ExplicitWeighting linearPopularity(float w0, float wk) {
    return new LinearPopularity(w0, wk);
  }

  static ExplicitWeighting exponentialPopularity(float w0, float e) {
    return new ExponentialPopularity(w0, e);
  }

  static ExplicitWeighting perEntry(CsrMatrix weights) {
    return new PerEntry(weights);
  }

  private static void requireNonNegative(String name, float v) {
    if (!(v >= 0f) || !Float.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + v);
    }
  }
}
