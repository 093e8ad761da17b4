package org.alskernel.sweep;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.EntryWeights;

/**
 * Explicit-feedback terms of the normal equations, for one side: w = the rating's weight and
 * t = w·(r − μ), μ the global mean of a biased model (0 otherwise). The other side's bias is
 * subtracted by the builder (docs/math.md, "Explicit ALS" and "Biases by augmentation").
 *
 * <p>Weights come from at most one of: a per-item table (looked up by the column on the user side and
 * by the row on the item side) or a per-entry array aligned with this side's CSR values.
 */
public final class ExplicitWeights implements EntryWeights {
  private final float mean;
  private final float[] itemWeight;
  private final boolean rowIsItem;
  private final float[] entryWeight;

  private ExplicitWeights(float mean, float[] itemWeight, boolean rowIsItem, float[] entryWeight) {
    this.mean = mean;
    this.itemWeight = itemWeight;
    this.rowIsItem = rowIsItem;
    this.entryWeight = entryWeight;
  }

  @Override
  public void compute(int row, int[] indices, float[] values, int from, int count, float[] w,
      float[] t) {
    for (int j = 0; j < count; j++) {
      int p = from + j;
      float wt = weight(row, indices, p);
      w[j] = wt;
      t[j] = wt * (values[p] - mean);
    }
  }

  /** The weight of the entry at position {@code p} of CSR row {@code row}. */
  public float weight(int row, int[] indices, int p) {
    if (entryWeight != null) {
      return entryWeight[p];
    }
    if (itemWeight != null) {
      return itemWeight[rowIsItem ? row : indices[p]];
    }
    return 1f;
  }

  /**
   * The weights of both sides, {user side, item side}, after checking that every weight is finite and
   * &gt; 0 (naming the offending item or entry).
   *
   * @param itemUsers the transpose of {@code userItems}
   */
  public static ExplicitWeights[] forSides(ExplicitWeighting weighting, CsrMatrix userItems,
      CsrMatrix itemUsers, float mean) {
    float[] perItem = null;
    float[] userSide = null;
    float[] itemSide = null;
    if (weighting instanceof ExplicitWeighting.PerEntry p) {
      CsrMatrix wm = p.weights();
      requireAligned(wm, userItems);
      userSide = wm.values();
      itemSide = wm.transpose().values();
    } else {
      perItem = perItem(weighting, userItems.columnCounts());
    }
    return new ExplicitWeights[] {
        new ExplicitWeights(mean, perItem, false, userSide),
        new ExplicitWeights(mean, perItem, true, itemSide)};
  }

  /**
   * Uniform weights (w = 1, t = r − μ) for any side: what a block of rows needs when its engine
   * supports no rating weights, as the Spark module.
   */
  public static ExplicitWeights uniform(float mean) {
    return new ExplicitWeights(mean, null, false, null);
  }

  /**
   * The user side's weights for rows solved one at a time against a trained model (fold-in): {@code
   * entryWeights} (aligned with the row's entries) when given, else {@code weighting}'s per-item
   * table from the training counts {@code itemCounts}, or 1.
   */
  public static ExplicitWeights forUserRow(ExplicitWeighting weighting, int[] itemCounts, float mean,
      float[] entryWeights) {
    if (entryWeights != null) {
      for (int j = 0; j < entryWeights.length; j++) {
        if (!(entryWeights[j] > 0f) || !Float.isFinite(entryWeights[j])) {
          throw new IllegalArgumentException("per-entry weight " + entryWeights[j] + " at position "
              + j + " must be finite and > 0");
        }
      }
      return new ExplicitWeights(mean, null, false, entryWeights);
    }
    return new ExplicitWeights(mean, perItem(weighting, itemCounts), false, null);
  }

  /** The per-item table of a popularity weighting, or null for uniform weights. */
  private static float[] perItem(ExplicitWeighting weighting, int[] itemCounts) {
    return switch (weighting) {
      case ExplicitWeighting.Uniform u -> null;
      case ExplicitWeighting.LinearPopularity l ->
          popularity(itemCounts, c -> l.w0() + (double) l.wk() / c, "w0 + wk / c_i");
      case ExplicitWeighting.ExponentialPopularity e ->
          popularity(itemCounts, c -> e.w0() + Math.pow(1.0 / c, e.e()), "w0 + (1/c_i)^e");
      case ExplicitWeighting.PerEntry p ->
          throw new IllegalArgumentException("per-entry weights have no per-item table");
    };
  }

  private static float[] popularity(int[] itemCounts, java.util.function.IntToDoubleFunction f,
      String formula) {
    float[] w = new float[itemCounts.length];
    for (int i = 0; i < w.length; i++) {
      int c = itemCounts[i];
      if (c == 0) {
        continue; // an item without ratings never enters a system
      }
      w[i] = (float) f.applyAsDouble(c);
      if (!(w[i] > 0f) || !Float.isFinite(w[i])) {
        throw new IllegalArgumentException("popularity weight " + formula + " of item column " + i
            + " (c_i = " + c + ") is " + w[i] + "; a weight must be finite and > 0");
      }
    }
    return w;
  }

  private static void requireAligned(CsrMatrix weights, CsrMatrix ratings) {
    if (weights.rows() != ratings.rows() || weights.cols() != ratings.cols()
        || !Arrays.equals(weights.indptr(), ratings.indptr())
        || !Arrays.equals(weights.indices(), ratings.indices())) {
      throw new IllegalArgumentException("per-entry weights (" + weights + ") must have exactly the"
          + " ratings' shape and stored entries (" + ratings + ")");
    }
    int[] indptr = weights.indptr();
    for (int u = 0; u < weights.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        float w = weights.values()[p];
        if (!(w > 0f) || !Float.isFinite(w)) {
          throw new IllegalArgumentException("per-entry weight " + w + " of user row " + u
              + ", item column " + weights.indices()[p] + " must be finite and > 0");
        }
      }
    }
  }
}
