package org.alskernel.linalg;

/**
 * The shared terms of biased implicit ALS (docs/math.md, "Biased implicit ALS"), read off the plain
 * Gram matrix of the stored biased rows {@code (y_i, γ_i, 1)} so that no row is copied:
 *
 * <pre>
 *   G̃ = Σ_i ỹ_i ỹ_iᵀ  with ỹ_i = (y_i, 1)        g = −Σ_i γ_i·ỹ_i
 * </pre>
 *
 * The stored Gram S holds S[r][k] = Σ y_ir γ_i, S[r][k+1] = Σ y_ir, S[k][k+1] = Σ γ_i and
 * S[k+1][k+1] = n, which are exactly the entries G̃ and g need. One Gram pass over the stored rows
 * therefore gives both, with the same fixed-order (thread-independent) sums as {@link Gram}.
 */
public final class AugmentedGram {
  private AugmentedGram() {}

  /**
   * Fills {@code gram} (kp×kp, full symmetric, zero outside the leading (k+1)×(k+1) block) and
   * {@code rhs} (kp, zero past k+1) from {@code stored}, the Gram matrix of biased rows.
   */
  /**
   * For a biased side, turns its stored Gram matrix {@code gram} into G̃ in place and returns g; for an
   * unbiased side leaves it and returns null. The trainer and fold-in both call this, so they see the
   * same shared terms.
   */
  public static float[] augmentInPlace(float[] gram, Factors side) {
    if (!side.biased) {
      return null;
    }
    float[] rhs = new float[side.stride];
    fromStored(gram.clone(), side.k, side.stride, gram, rhs);
    return rhs;
  }

  public static void fromStored(float[] stored, int k, int kp, float[] gram, float[] rhs) {
    java.util.Arrays.fill(gram, 0f);
    java.util.Arrays.fill(rhs, 0f);
    for (int r = 0; r < k; r++) {
      System.arraycopy(stored, r * kp, gram, r * kp, k);
      float sumY = stored[r * kp + k + 1];
      gram[r * kp + k] = sumY;
      gram[k * kp + r] = sumY;
      rhs[r] = -stored[r * kp + k];
    }
    gram[k * kp + k] = stored[(k + 1) * kp + k + 1];
    rhs[k] = -stored[k * kp + k + 1];
  }
}
