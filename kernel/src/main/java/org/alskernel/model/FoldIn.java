package org.alskernel.model;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.BlockSweep;
import org.alskernel.sweep.ExplicitWeights;
import org.alskernel.sweep.Solver;
import org.alskernel.sweep.Weighting;

/**
 * Fold-in of new users: the input made into the row the trainer would have seen, then solved as a
 * block of one row by the trainer's own {@link BlockSweep} against the model's fixed item side: the same terms for
 * the model's variant (confidence or rating weights, λ and its scaling, μ and the item biases), the
 * same shared Gram terms, the same kernels and padded layout. Solving a trained user's row against the
 * item factors its last sweep used therefore gives that user's factors and bias bit for bit. Rows are
 * solved exactly (Cholesky) whichever solver trained the model: fold-in wants the row's own
 * solution, not one more step towards it.
 */
final class FoldIn {
  private final VectorOps ops;
  private final ModelSettings settings;
  private final Factors items;
  private final float[] gram;
  private final float[] gramRhs;
  private final float mean;
  private final int[] itemCounts;

  /**
   * @param itemCounts each item's number of training ratings, needed by the popularity weightings
   *     (null otherwise)
   */
  FoldIn(VectorOps ops, ModelSettings settings, FactorModel model, int[] itemCounts) {
    this.ops = ops;
    this.settings = settings;
    int k = settings.factors();
    boolean biased = settings.variant().isBiased();
    this.items = new Factors(model.items(), k, ops.paddedStride(biased ? k + 2 : k), biased);
    items.setFromDense(model.itemFactors());
    if (biased) {
      float[] bias = new float[model.items()];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = model.itemBias(i);
      }
      items.setBiases(bias);
    }
    if (settings.variant().isExplicit()) {
      this.gram = null; // β = 0: explicit rows see only their own ratings
      this.gramRhs = null;
    } else {
      // One thread: Gram's result does not depend on the thread count.
      this.gram = Gram.of(ops, items, new ParallelRunner(null));
      this.gramRhs = AugmentedGram.augmentInPlace(gram, items);
    }
    this.mean = model.globalMean();
    this.itemCounts = itemCounts;
  }

  /**
   * Solves a normalised row.
   *
   * @throws IllegalArgumentException for weights given or missing against the model's weighting, or a
   *     rating outside the model's declared scale
   */
  UserVector solve(Row input) {
    int[] itemIndices = input.items();
    float[] values = input.values();
    float[] entryWeights = input.weights();
    int k = settings.factors();
    CsrMatrix row = CsrMatrix.of(1, items.rows, new int[] {0, itemIndices.length}, itemIndices,
        values);
    if (settings.ratingScale() != null) {
      settings.ratingScale().requireContains(row);
    }
    boolean perEntry = settings.weighting().kind() == Weighting.Kind.PER_ENTRY;
    if (perEntry != (entryWeights != null)) {
      throw new IllegalArgumentException(perEntry
          ? "this model was trained with per-entry rating weights: give the row's weights too"
          : "this model's weighting is " + settings.weighting().kind() + ": it takes no per-entry"
              + " weights");
    }
    if (entryWeights != null && entryWeights.length != itemIndices.length) {
      throw new IllegalArgumentException("fold-in: " + itemIndices.length + " item indices but "
          + entryWeights.length + " weights");
    }
    Factors out = new Factors(1, k, items.stride, items.biased);
    RowTerms terms = settings.equation().rowTerms("user", settings.variant().isExplicit()
        ? ExplicitWeights.forUserRow(settings.weighting().toExplicitWeighting(), itemCounts, mean,
            entryWeights)
        : null, items.rows);
    new BlockSweep(ops, new ParallelRunner(null), Solver.CHOLESKY, 1, items.stride, false)
        .solve(new RowProblem(terms, row, null, gram, gramRhs, items), out, out, () -> false);
    int start = out.rowStart(0);
    return new UserVector(Arrays.copyOfRange(out.data, start, start + k),
        out.biased ? out.data[start + k] : 0f);
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
