package org.alskernel.model;

import java.util.Arrays;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.ParallelRunner;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.linalg.SystemSolver;
import org.alskernel.simd.VectorOps;
import org.alskernel.train.Confidence;

/**
 * Solves a new user's factors against fixed item factors: the user half-sweep's equation for one row
 * (docs/math.md), (YᵀY + Σ (c−1) y yᵀ + λI) x = Σ c·p·y, built by the same {@link NormalEquations}
 * and solved by the same {@link SystemSolver} as the sweep, on the same padded layout, with YᵀY from
 * the same deterministic {@link Gram}. Folding in a trained user's row against the item factors its sweep used therefore gives that
 * user's factors.
 */
final class FoldIn {
  private final VectorOps ops;
  private final ModelSettings settings;
  private final Factors items;
  private final float[] gram;
  private final EntryWeights weights;

  FoldIn(VectorOps ops, ModelSettings settings, int itemCount, float[] denseItems) {
    this.ops = ops;
    this.settings = settings;
    int k = settings.factors();
    this.items = new Factors(itemCount, k, ops.paddedStride(k));
    items.setFromDense(denseItems);
    // One thread: Gram's result does not depend on the thread count, and this runs once per model.
    this.gram = Gram.of(ops, items, new ParallelRunner(null));
    this.weights = implicitWeights(settings.confidence(), settings.alpha(), settings.epsilon());
  }

  /**
   * The implicit terms w = c − 1, t = c·p (p = 1 for r &gt; 0). The trainer's own weights class is
   * package-private in train; this restates its two lines through the public {@link Confidence}, and
   * FoldInTest holds the two to the same bits.
   */
  private static EntryWeights implicitWeights(Confidence confidence, float alpha, float epsilon) {
    return (row, indices, values, from, count, w, t) -> {
      for (int j = 0; j < count; j++) {
        float r = values[from + j];
        float c = confidence.apply(r, alpha, epsilon);
        w[j] = c - 1f;
        t[j] = r > 0f ? c : 0f;
      }
    };
  }

  /** One user's row: sorted distinct item indices and their values. */
  record Row(int[] items, float[] values) {}

  /**
   * The row as the trainer would see it after {@code Interactions.toCsr()}: item indices sorted, the
   * values of a repeated item summed in the given order. Refuses an index outside [0, items) or a
   * value that is not finite, naming the position.
   */
  static Row normalise(int[] items, float[] values, int itemCount) {
    if (items == null || values == null) {
      throw new IllegalArgumentException("fold-in: items and values must not be null");
    }
    if (items.length != values.length) {
      throw new IllegalArgumentException("fold-in: " + items.length + " item indices but "
          + values.length + " values");
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
        previous = item;
      }
    }
    return new Row(Arrays.copyOf(outItems, m + 1), Arrays.copyOf(outValues, m + 1));
  }

  /** Factors for a row with sorted, distinct, in-range item indices and finite values. */
  float[] solve(int[] items, float[] values) {
    int k = settings.factors();
    if (items.length == 0) {
      return new float[k]; // the trainer gives an empty row the zero vector too
    }
    RowWorkspace ws = new RowWorkspace(this.items.stride);
    NormalEquations.build(ops, gram, 1f, settings.lambda(), this.items, 0, items, values, 0,
        items.length, weights, ws);
    int pivot = new SystemSolver(ops, k, this.items.stride, false).solveOne(ws);
    if (pivot >= 0) {
      throw new ArithmeticException("fold-in: the system is not positive definite at pivot " + pivot
          + " of k = " + k + " (λ = " + settings.lambda() + ")");
    }
    return Arrays.copyOf(ws.b, k);
  }
}
