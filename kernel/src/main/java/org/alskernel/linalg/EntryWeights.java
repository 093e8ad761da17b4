package org.alskernel.linalg;

/**
 * Turns a row's stored values into the per-entry terms of its normal equations
 * {@code A = β·G + Σ w_j·y_j y_jᵀ + λ_u·I}, {@code b = Σ t_j·y_j}: a weight {@code w_j} and a target
 * {@code t_j} for each entry. Implicit ALS uses w = c − 1 and t = c·p; explicit ALS w = 1 and t = r.
 */
public interface EntryWeights {

  /** Fills {@code w[0..count)} and {@code t[0..count)} from {@code values[from .. from+count)}. */
  void compute(float[] values, int from, int count, float[] w, float[] t);
}
