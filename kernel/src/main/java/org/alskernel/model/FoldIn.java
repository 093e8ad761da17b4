package org.alskernel.model;

import java.util.Arrays;
import org.alskernel.simd.VectorOps;
import org.alskernel.train.UserFoldIn;

/**
 * Fold-in of new users: the input made into the row the trainer would have seen, then solved by the
 * trainer's own user sweep for the model's variant ({@link UserFoldIn}).
 */
final class FoldIn {
  private final UserFoldIn solver;

  FoldIn(VectorOps ops, ModelSettings settings, FactorModel factors, int[] itemCounts) {
    this.solver = new UserFoldIn(ops, settings, factors, itemCounts);
  }

  UserVector solve(Row row) {
    UserFoldIn.Solution s = solver.solve(row.items(), row.values(), row.weights());
    return new UserVector(s.factors(), s.bias());
  }

  /** One user's row: sorted distinct item indices, their values and (or null) their weights. */
  record Row(int[] items, float[] values, float[] weights) {}

  /**
   * The row as the trainer would see it after {@code Interactions.toCsr()}: item indices sorted, the
   * values of a repeated item summed in the given order, its weight (if any) that of its first entry.
   * Refuses an index outside [0, items) or a value that is not finite, naming the position.
   */
  static Row normalise(int[] items, float[] values, float[] weights, int itemCount) {
    if (items == null || values == null) {
      throw new IllegalArgumentException("fold-in: items and values must not be null");
    }
    if (items.length != values.length) {
      throw new IllegalArgumentException("fold-in: " + items.length + " item indices but "
          + values.length + " values");
    }
    if (weights != null && weights.length != items.length) {
      throw new IllegalArgumentException("fold-in: " + items.length + " item indices but "
          + weights.length + " weights");
    }
    int n = items.length;
    long[] keyed = new long[n];
    for (int j = 0; j < n; j++) {
      if (items[j] < 0 || items[j] >= itemCount) {
        throw new IndexOutOfBoundsException("fold-in: item index " + items[j] + " at position " + j
            + " not in [0, " + itemCount + ")");
      }
      if (!Float.isFinite(values[j])) {
        throw new IllegalArgumentException("fold-in: value " + values[j] + " at position " + j
            + " is not finite");
      }
      keyed[j] = ((long) items[j] << 32) | j; // sort by item, then by position: a stable order
    }
    Arrays.sort(keyed);
    int[] outItems = new int[n];
    float[] outValues = new float[n];
    float[] outWeights = weights == null ? null : new float[n];
    int m = -1;
    int previous = -1;
    for (int j = 0; j < n; j++) {
      int item = (int) (keyed[j] >>> 32);
      float v = values[(int) keyed[j]];
      if (item == previous) {
        outValues[m] += v;
      } else {
        m++;
        outItems[m] = item;
        outValues[m] = v;
        if (weights != null) {
          outWeights[m] = weights[(int) keyed[j]];
        }
        previous = item;
      }
    }
    return new Row(Arrays.copyOf(outItems, m + 1), Arrays.copyOf(outValues, m + 1),
        weights == null ? null : Arrays.copyOf(outWeights, m + 1));
  }
}
