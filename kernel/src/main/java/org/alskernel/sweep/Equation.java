package org.alskernel.sweep;

import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.RowTerms;

/**
 * Which per-row equation a model solves (docs/math.md, "The family"): the variant and the settings
 * that make its terms. Training configurations and trained models both hold one, and its rules are
 * checked here only, naming the setting that breaks them.
 *
 * @param variant which model of the family
 * @param factors k, the length of every factor vector, in [1, {@value #MAX_FACTORS}]
 * @param lambda λ, the L2 regularisation (≥ 0; &gt; 0 for the explicit variants and for ALS-WR)
 * @param lambdaScaledByCount ALS-WR: each row's λ is λ·(its number of stored entries)
 * @param alpha α, the confidence scale of the implicit variants (≥ 0)
 * @param confidence how a strength becomes a confidence (implicit variants)
 * @param epsilon ε of the log confidence (&gt; 0; kept for linear too, where it is unused)
 * @param weighting the rating weights of the explicit variants (uniform for implicit ones)
 * @param ratingScale the declared rating range of an explicit variant, or null
 * @param nu ν of the frequency-scaled regularisation λ·(|N(u)| + α₀·n)^ν, in [0, 1]; 0 for plain λ
 * @param unobservedWeight α₀, the weight of an unobserved pair relative to an observed one in that
 *     scaling (≥ 0; 0 for the explicit variants, which see no unobserved pairs)
 */
public record Equation(AlsVariant variant, int factors, float lambda, boolean lambdaScaledByCount,
    float alpha, Confidence confidence, float epsilon, Weighting weighting,
    RatingScale ratingScale, float nu, float unobservedWeight) {

  /** Longest factor vector accepted: a k×k system per worker must stay small. */
  public static final int MAX_FACTORS = 4096;

  public Equation {
    if (variant == null) {
      throw new IllegalArgumentException("variant must not be null");
    }
    if (factors < 1 || factors > MAX_FACTORS) {
      throw new IllegalArgumentException(
          "factors k must be in [1, " + MAX_FACTORS + "], got " + factors);
    }
    requireNonNegative("lambda", lambda);
    requireNonNegative("alpha", alpha);
    if (confidence == null) {
      throw new IllegalArgumentException("confidence function must not be null");
    }
    if (!(epsilon > 0f) || !Float.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
    }
    if (weighting == null) {
      throw new IllegalArgumentException(
          "weighting must not be null (use ExplicitWeighting.uniform())");
    }
    // Explicit systems see only a row's own ratings: with λ = 0 any row with fewer than k (k + 1
    // biased) ratings is singular, so λ > 0 is required rather than left to fail mid-training.
    if (variant.isExplicit() && !(lambda > 0f)) {
      throw new IllegalArgumentException(
          "lambda must be > 0 for the " + variant + " variant, got " + lambda);
    }
    if (lambdaScaledByCount && !(lambda > 0f)) {
      throw new IllegalArgumentException(
          "lambda must be > 0 when it is scaled by count (ALS-WR), got " + lambda);
    }
    if (!variant.isExplicit() && weighting.kind() != Weighting.Kind.UNIFORM) {
      throw new IllegalArgumentException("weighting " + weighting.kind() + " applies to the"
          + " explicit variants only; the " + variant + " variant weighs entries by confidence"
          + " (alpha)");
    }
    if (!variant.isExplicit() && ratingScale != null) {
      throw new IllegalArgumentException("ratingScale applies to the explicit variants only, not to "
          + variant);
    }
    if (!(nu >= 0f && nu <= 1f)) {
      throw new IllegalArgumentException("nu must be in [0, 1], got " + nu);
    }
    requireNonNegative("unobservedWeight", unobservedWeight);
    if (nu != 0f && lambdaScaledByCount) {
      throw new IllegalArgumentException("nu and lambdaScaledByCount both scale lambda by the row's"
          + " count: ALS-WR is nu = 1 with unobservedWeight = 0; set one of them");
    }
    if (variant.isExplicit() && unobservedWeight != 0f) {
      throw new IllegalArgumentException("unobservedWeight must be 0 for the " + variant
          + " variant, which has no unobserved pairs, got " + unobservedWeight);
    }
  }

  /** An equation without frequency scaling (ν = 0). */
  public Equation(AlsVariant variant, int factors, float lambda, boolean lambdaScaledByCount,
      float alpha, Confidence confidence, float epsilon, Weighting weighting,
      RatingScale ratingScale) {
    this(variant, factors, lambda, lambdaScaledByCount, alpha, confidence, epsilon, weighting,
        ratingScale, 0f, 0f);
  }

  /**
   * The α₀ that makes this project's implicit loss the one of Rendle et al. (docs/math.md,
   * "Frequency-scaled regularisation"): 1/α, exact for binary strengths under linear confidence; 0
   * for the explicit variants and for α = 0.
   */
  public static float derivedUnobservedWeight(AlsVariant variant, float alpha) {
    return variant.isExplicit() || !(alpha > 0f) ? 0f : 1f / alpha;
  }

  /** The implicit variants' entry terms w = c − 1, t = c·p (docs/math.md). */
  public ImplicitWeights implicitWeights() {
    return new ImplicitWeights(confidence, alpha, epsilon);
  }

  /**
   * One side's terms: β = 1 with the implicit weights for the implicit variants, β = 0 with {@code
   * explicitWeights} for the explicit ones (which depend on the side's data, so the caller makes
   * them), λ and its scaling as set.
   *
   * @param otherRows n, the number of rows of the other side (users for the item side), which the
   *     frequency scaling's unobserved mass α₀·n counts
   */
  public RowTerms rowTerms(String side, EntryWeights explicitWeights, int otherRows) {
    float unobserved = (float) ((double) unobservedWeight * otherRows);
    return variant.isExplicit()
        ? new RowTerms(side, 0f, lambda, lambdaScaledByCount, nu, unobserved, explicitWeights)
        : new RowTerms(side, 1f, lambda, lambdaScaledByCount, nu, unobserved, implicitWeights());
  }

  private static void requireNonNegative(String name, float value) {
    if (!(value >= 0f) || !Float.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
    }
  }
}
