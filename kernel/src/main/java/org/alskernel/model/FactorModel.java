package org.alskernel.model;

import java.util.Arrays;

/**
 * A trained factorisation R ≈ X·Yᵀ: user factors X (users × k) and item factors Y (items × k), each a
 * dense row-major float array with stride k. Immutable: the arrays are copied in and out.
 */
public final class FactorModel {
  private final int k;
  private final int users;
  private final int items;
  private final float[] userFactors;
  private final float[] itemFactors;

  public FactorModel(int k, int users, int items, float[] userFactors, float[] itemFactors) {
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
    this.userFactors = userFactors.clone();
    this.itemFactors = itemFactors.clone();
  }

  public int factors() {
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
