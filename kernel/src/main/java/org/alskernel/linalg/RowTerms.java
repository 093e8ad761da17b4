package org.alskernel.linalg;

/**
 * The terms every row of one side shares in its normal equations
 * {@code A_u = β·G + Σ_j w_j·y_j y_jᵀ + λ_u·I}, {@code b_u = β·g + Σ_j t_j·y_j}: β, how λ_u follows
 * from λ and the row's count, and how a row's entries become their weights w_j and targets t_j.
 *
 * <p>λ_u is λ; or λ·|N(u)| under ALS-WR; or, with frequency scaling (docs/math.md, "Frequency-scaled
 * regularisation"), λ·(|N(u)| + α₀·n)^ν, where α₀·n, the {@code unobserved} mass, is the weight α₀ of
 * an unobserved pair times the n rows of the other side.
 *
 * @param side "user" or "item", for messages
 * @param beta weight of the shared Gram terms: 1 for implicit models, 0 for explicit ones
 * @param lambda λ
 * @param lambdaScaledByCount λ_u = λ·|N(u)| instead of λ
 * @param nu ν, the exponent of the frequency scaling; 0 for none
 * @param unobserved α₀·n, added to the count before it is raised to ν
 * @param weights the per-entry terms
 */
public record RowTerms(String side, float beta, float lambda, boolean lambdaScaledByCount, float nu,
    float unobserved, EntryWeights weights) {

  public RowTerms {
    if (side == null || weights == null) {
      throw new IllegalArgumentException("side and weights must not be null");
    }
  }

  /** Terms without frequency scaling. */
  public RowTerms(String side, float beta, float lambda, boolean lambdaScaledByCount,
      EntryWeights weights) {
    this(side, beta, lambda, lambdaScaledByCount, 0f, 0f, weights);
  }

  /**
   * λ_u of a row with {@code count} stored entries. An empty row counts as one under ALS-WR and the
   * frequency-scaled base is at least 1, so no row's λ_u is 0 when λ is not.
   */
  public float lambdaFor(int count) {
    if (lambdaScaledByCount) {
      return lambda * Math.max(1, count);
    }
    if (nu == 0f) {
      return lambda;
    }
    return (float) (lambda * Math.pow(Math.max(1.0, count + (double) unobserved), nu));
  }
}
