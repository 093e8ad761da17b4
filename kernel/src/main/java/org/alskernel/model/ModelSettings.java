package org.alskernel.model;

import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.RatingScale;
import org.alskernel.sweep.Weighting;

/**
 * The training settings a model keeps: the {@link Equation} its rows solve (the variant, k, λ and its
 * scaling (ALS-WR or frequency-scaled), α, the confidence function and its ε, the rating weighting and scale), which scoring and
 * fold-in need, and, for the record, the iteration count and seed.
 *
 * @param equation what every row of the model solves
 * @param iterations how many full sweeps were run (≥ 0)
 * @param seed the seed of the initial factors
 */
public record ModelSettings(Equation equation, int iterations, long seed) {

  public ModelSettings {
    if (equation == null) {
      throw new IllegalArgumentException("equation must not be null");
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
    }
  }

  /** The settings of a plain implicit model (the only kind of model file version 1). */
  public ModelSettings(int factors, float lambda, float alpha, Confidence confidence, float epsilon,
      int iterations, long seed) {
    this(new Equation(AlsVariant.IMPLICIT, factors, lambda, false, alpha, confidence, epsilon,
        Weighting.UNIFORM, null), iterations, seed);
  }

  public AlsVariant variant() {
    return equation.variant();
  }

  /** k. */
  public int factors() {
    return equation.factors();
  }

  public float lambda() {
    return equation.lambda();
  }

  public boolean lambdaScaledByCount() {
    return equation.lambdaScaledByCount();
  }

  /** ν of the frequency-scaled regularisation (0: none). */
  public float nu() {
    return equation.nu();
  }

  /** α₀ of the frequency-scaled regularisation. */
  public float unobservedWeight() {
    return equation.unobservedWeight();
  }

  public float alpha() {
    return equation.alpha();
  }

  public Confidence confidence() {
    return equation.confidence();
  }

  public float epsilon() {
    return equation.epsilon();
  }

  public Weighting weighting() {
    return equation.weighting();
  }

  /** The declared rating range, or null. */
  public RatingScale ratingScale() {
    return equation.ratingScale();
  }
}
