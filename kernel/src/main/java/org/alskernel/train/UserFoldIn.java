package org.alskernel.train;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.ParallelRunner;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.simd.VectorOps;

/**
 * Solves one user's row against a trained model's fixed item side with the trainer's own user
 * {@link HalfSweep}: the same terms for the model's variant (confidence or rating weights, λ and its
 * scaling, μ and the item biases), the same shared Gram terms, the same kernels and padded layout.
 * Solving a trained user's row against the item factors its last sweep used therefore gives that
 * user's factors and bias bit for bit. Rows are solved exactly (Cholesky) whichever solver trained
 * the model: fold-in wants the row's own solution, not one more step towards it.
 */
public final class UserFoldIn {
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
  @SuppressWarnings("exports") // VectorOps is internal: the model package passes its own
  public UserFoldIn(VectorOps ops, ModelSettings settings, FactorModel model, int[] itemCounts) {
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

  /** A solved user row: the factors x_u and, for biased models, the bias β_u (else 0). */
  public record Solution(float[] factors, float bias) {}

  /**
   * Solves the row with sorted, distinct, in-range item indices and finite values.
   *
   * @param entryWeights the row's rating weights, aligned with {@code items}, for a model trained with
   *     per-entry weights; null otherwise
   * @throws IllegalArgumentException for weights given or missing against the model's weighting, or a
   *     rating outside the model's declared scale
   * @throws NotPositiveDefiniteException if the row's system cannot be solved
   */
  public Solution solve(int[] itemIndices, float[] values, float[] entryWeights) {
    int k = settings.factors();
    CsrMatrix row = CsrMatrix.of(1, items.rows, new int[] {0, itemIndices.length}, itemIndices,
        values);
    if (settings.ratingScale() != null) {
      settings.ratingScale().requireContains(row);
    }
    boolean perEntry = settings.weighting().kind() == ModelSettings.WeightingKind.PER_ENTRY;
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
    HalfSweep sweep = new HalfSweep(ops, new ParallelRunner(null), row, "user", k, items.stride,
        settings.lambda(), settings.lambdaScaledByCount(), gram == null ? 0f : 1f,
        weights(entryWeights), Solver.CHOLESKY, 1, false);
    sweep.solve(gram, gramRhs, items, out, out, () -> false);
    int start = out.rowStart(0);
    return new Solution(Arrays.copyOfRange(out.data, start, start + k),
        out.biased ? out.data[start + k] : 0f);
  }

  private EntryWeights weights(float[] entryWeights) {
    if (!settings.variant().isExplicit()) {
      return new ImplicitWeights(settings.confidence(), settings.alpha(), settings.epsilon());
    }
    return ExplicitWeights.forUserRow(settings.weighting().toExplicitWeighting(), itemCounts, mean,
        entryWeights);
  }
}
