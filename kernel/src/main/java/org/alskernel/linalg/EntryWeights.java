package org.alskernel.linalg;

/**
 * Turns a row's stored entries into the per-entry terms of its normal equations
 * {@code A = β·G + Σ w_j·y_j y_jᵀ + λ_u·I}, {@code b = β·g + Σ t_j·y_j}: a weight {@code w_j} and a
 * target {@code t_j} for each entry. Implicit ALS uses w = c − 1 and t = c·p; explicit ALS w = 1 and
 * t = r; weighted explicit ALS looks the weight up by item (the column index on the user side, the row
 * on the item side) or by the entry's position (a weight matrix aligned with the ratings).
 *
 * <p>The other side's bias, for biased models, is not the weights' business: {@link NormalEquations}
 * subtracts w_j·bias_j from t_j itself, because it already reads the neighbour's factor row.
 */
@FunctionalInterface
public interface EntryWeights {

  /**
   * Fills {@code w[0..count)} and {@code t[0..count)} for the entries at positions
   * {@code [from, from+count)} of CSR row {@code row}.
   *
   * @param row the CSR row being solved (a user on the user side, an item on the item side)
   * @param indices the CSR column indices (the other side's rows), indexed by position
   * @param values the CSR values, indexed by position
   */
  void compute(int row, int[] indices, float[] values, int from, int count, float[] w, float[] t);
}
