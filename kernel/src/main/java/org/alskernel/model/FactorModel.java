package org.alskernel.model;

import java.util.Arrays;

/**
 * A trained factorisation R ≈ X·Yᵀ: user factors X (users × k) and item factors Y (items × k), each a
 * dense row-major float array with stride k. Immutable: the arrays are copied in and out.
 *
 * <p>A biased model (the biased ALS variants) also holds a global mean μ and one bias per user and
 * per item, and predicts r̂_ui = μ + β_u + γ_i + x_uᵀy_i ({@link #predict}); an unbiased one has μ = 0
 * and no biases, so {@link #predict} equals {@link #score}.
 */
public final class FactorModel {
  private final int k;
  private final int users;
  private final int items;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float globalMean;
  private final float[] userBias;
  private final float[] itemBias;

  public FactorModel(int k, int users, int items, float[] userFactors, float[] itemFactors) {
    this(k, users, items, userFactors, itemFactors, 0f, null, null);
  }

  /**
   * A model with biases: {@code userBias} (length users) and {@code itemBias} (length items) are both
   * given or both null; {@code globalMean} must be finite.
   */
  public FactorModel(int k, int users, int items, float[] userFactors, float[] itemFactors,
      float globalMean, float[] userBias, float[] itemBias) {
    if (k <= 0 || users < 0 || items < 0) {
      throw new IllegalArgumentException(
          "bad model shape: k=" + k + ", users=" + users + ", items=" + items);
    }
    if (userFactors.length != (long) users * k || itemFactors.length != (long) items * k) {
      throw new IllegalArgumentException(
          "factor arrays of length " + userFactors.length + " and " + itemFactors.length
              + " do not match users×k = " + (long) users * k + " and items×k = " + (long) items * k);
    }
    this.k = k;
    this.users = users;
    this.items = items;
    if ((userBias == null) != (itemBias == null)) {
      throw new IllegalArgumentException("give both user and item biases, or neither");
    }
    if (userBias != null && (userBias.length != users || itemBias.length != items)) {
      throw new IllegalArgumentException("bias arrays of length " + userBias.length + " and "
          + itemBias.length + " do not match users = " + users + " and items = " + items);
    }
    if (!Float.isFinite(globalMean)) {
      throw new IllegalArgumentException("global mean must be finite, got " + globalMean);
    }
    this.userFactors = userFactors.clone();
    this.itemFactors = itemFactors.clone();
    this.globalMean = globalMean;
    this.userBias = userBias == null ? null : userBias.clone();
    this.itemBias = itemBias == null ? null : itemBias.clone();
  }

  /** Whether the model has user and item biases. */
  public boolean hasBiases() {
    return userBias != null;
  }

  /** μ, the constant part of every prediction (0 for an unbiased model). */
  public float globalMean() {
    return globalMean;
  }

  /** β_u (0 for an unbiased model). */
  public float userBias(int u) {
    checkIndex("user", u, users);
    return userBias == null ? 0f : userBias[u];
  }

  /** γ_i (0 for an unbiased model). */
  public float itemBias(int i) {
    checkIndex("item", i, items);
    return itemBias == null ? 0f : itemBias[i];
  }

  /** The predicted rating or preference μ + β_u + γ_i + x_uᵀ y_i. */
  public float predict(int u, int i) {
    return globalMean + userBias(u) + itemBias(i) + score(u, i);
  }

  /** k, the length of every factor vector. */
  public int k() {
    return k;
  }

  public int users() {
    return users;
  }

  public int items() {
    return items;
  }

  /** A copy of all user factors, row-major, stride k. */
  public float[] userFactors() {
    return userFactors.clone();
  }

  /** A copy of all item factors, row-major, stride k. */
  public float[] itemFactors() {
    return itemFactors.clone();
  }

  /** A copy of user {@code u}'s factor vector. */
  public float[] userVector(int u) {
    checkIndex("user", u, users);
    return Arrays.copyOfRange(userFactors, u * k, u * k + k);
  }

  /** A copy of item {@code i}'s factor vector. */
  public float[] itemVector(int i) {
    checkIndex("item", i, items);
    return Arrays.copyOfRange(itemFactors, i * k, i * k + k);
  }

  /** The user factors themselves, for this package's read-only loops (never modified or handed out). */
  float[] userData() {
    return userFactors;
  }

  /** The item factors themselves, for this package's read-only loops. */
  float[] itemData() {
    return itemFactors;
  }

  /** γ itself (null for an unbiased model), for this package's read-only loops. */
  float[] itemBiasData() {
    return itemBias;
  }

  /** The predicted preference x_uᵀ y_i. */
  public float score(int u, int i) {
    checkIndex("user", u, users);
    checkIndex("item", i, items);
    float s = 0f;
    for (int f = 0; f < k; f++) {
      s += userFactors[u * k + f] * itemFactors[i * k + f];
    }
    return s;
  }

  private static void checkIndex(String what, int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(what + " index " + index + " not in [0, " + size + ")");
    }
  }
}
