package org.alskernel.linalg;

/**
 * The terms every row of one side shares in its normal equations
 * {@code A_u = β·G + Σ_j w_j·y_j y_jᵀ + λ_u·I}, {@code b_u = β·g + Σ_j t_j·y_j}: β, λ and whether
 * λ_u = λ·|N(u)| (ALS-WR), and how a row's entries become their weights w_j and targets t_j.
 *
 * @param side "user" or "item", for messages
 * @param beta weight of the shared Gram terms: 1 for implicit models, 0 for explicit ones
 * @param lambda λ
 * @param lambdaScaledByCount λ_u = λ·|N(u)| instead of λ
 * @param weights the per-entry terms
 */
public record RowTerms(String side, float beta, float lambda, boolean lambdaScaledByCount,
    EntryWeights weights) {

  public RowTerms {
    if (side == null || weights == null) {
      throw new IllegalArgumentException("side and weights must not be null");
    }
  }
}
