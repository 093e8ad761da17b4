package org.alskernel.train;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.model.FactorModel;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.BlockSweep;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.ExplicitObjective;
import org.alskernel.sweep.ExplicitWeights;
import org.alskernel.sweep.ImplicitObjective;
import org.alskernel.sweep.ImplicitWeights;

/**
 * ALS state that can be stepped one half-sweep at a time: what {@link AlsTrainer} drives, and what
 * tests and benchmarks use to look between the steps. Every {@link AlsVariant} runs the same sweep;
 * the variant only chooses its terms (docs/math.md, "The family"):
 *
 * <ul>
 *   <li>implicit: β = 1 with the other side's Gram matrix, {@link ImplicitWeights};
 *   <li>explicit: β = 0 (no Gram matrix), {@link ExplicitWeights};
 *   <li>biased: {@link Factors#biased biased} factors, and for implicit the {@link AugmentedGram}.
 * </ul>
 *
 * <p>Each side has two factor buffers; a sweep writes the spare one and swaps only when it completes,
 * so a cancelled or failed sweep leaves the session exactly as it was. Gram matrices are cached per
 * side and recomputed only after that side changes. Not thread-safe: one caller at a time (the work
 * inside each step runs on the configured pool).
 */
public final class AlsSession implements AutoCloseable {
  private final AlsConfig config;
  private final VectorOps ops;
  private final ParallelRunner runner;
  private final ForkJoinPool ownedPool;
  private final CsrMatrix userItems;
  private final CsrMatrix itemUsers;
  private final ImplicitWeights implicitWeights;
  private final ExplicitWeights[] explicitWeights;
  /** μ of the explicit biased variant (the mean training rating), else 0. */
  private final float mean;
  /** Both sides' half-sweeps: one set of worker scratch, used by one side at a time. */
  private final BlockSweep sweep;
  private final RowTerms userTerms;
  private final RowTerms itemTerms;
  private Factors users;
  private Factors items;
  private Factors spareUsers;
  private Factors spareItems;
  private final Gram userGramBuffers;
  private final Gram itemGramBuffers;
  private float[] userGram;
  private float[] itemGram;
  private float[] userGramRhs;
  private float[] itemGramRhs;

  /**
   * A session on {@code userItems} (users × items; values are interaction strengths for the implicit
   * variants and ratings for the explicit ones) with seeded random initial factors and zero biases.
   * Work runs on {@code config.pool()} if given, else on a pool of {@code config.threads()} threads
   * that {@link #close()} shuts down (none for one thread).
   *
   * @throws IllegalArgumentException if a rating lies outside the declared scale, or a weight is not
   *     finite and &gt; 0, naming the entry
   */
  public AlsSession(CsrMatrix userItems, AlsConfig config) {
    this(userItems, config, VectorOpsProvider.get());
  }

  /** As above with an explicit kernel implementation (tests compare scalar and vector). */
  @SuppressWarnings("exports") // VectorOps is internal: this form is for tests and benchmarks
  public AlsSession(CsrMatrix userItems, AlsConfig config, VectorOps ops) {
    AlsVariant variant = config.variant();
    if (config.ratingScale() != null) {
      config.ratingScale().requireContains(userItems);
    }
    this.config = config;
    this.ops = ops;
    this.userItems = userItems;
    int k = config.factors();
    boolean biased = variant.isBiased();
    int kp = ops.paddedStride(biased ? k + 2 : k);
    int workers = config.pool() != null ? config.pool().getParallelism() : config.threads();
    MemoryCheck.requireFits(userItems, config, kp, ops.lanes(), workers);
    this.ownedPool =
        config.pool() == null && config.threads() > 1 ? new ForkJoinPool(config.threads()) : null;
    this.runner = new ParallelRunner(config.pool() != null ? config.pool() : ownedPool);
    try {
      this.itemUsers = userItems.transpose(runner);
    } catch (RuntimeException | Error e) {
      close(); // the pool this session made
      throw e;
    }
    this.mean = variant == AlsVariant.EXPLICIT_BIASED ? meanOf(userItems) : 0f;
    Equation equation = config.equation();
    this.explicitWeights = variant.isExplicit()
        ? ExplicitWeights.forSides(config.weighting(), userItems, itemUsers, mean) : null;
    this.userTerms = equation.rowTerms("user", explicitWeights == null ? null : explicitWeights[0],
        userItems.cols());
    this.itemTerms = equation.rowTerms("item", explicitWeights == null ? null : explicitWeights[1],
        userItems.rows());
    this.implicitWeights = variant.isExplicit() ? null : equation.implicitWeights();
    this.sweep = new BlockSweep(ops, runner, config.solver(), config.cgSteps(), kp, true);
    this.users = new Factors(userItems.rows(), k, kp, biased);
    this.items = new Factors(userItems.cols(), k, kp, biased);
    this.spareUsers = new Factors(userItems.rows(), k, kp, biased);
    this.spareItems = new Factors(userItems.cols(), k, kp, biased);
    this.userGramBuffers = new Gram(userItems.rows(), kp);
    this.itemGramBuffers = new Gram(userItems.cols(), kp);
    SplittableRandom random = new SplittableRandom(config.seed());
    fillGaussian(users, random.split(), config.initScale());
    fillGaussian(items, random.split(), config.initScale());
  }

  /** The mean stored value, summed in double in row order. */
  private static float meanOf(CsrMatrix m) {
    double sum = 0;
    for (float v : m.values()) {
      sum += v;
    }
    return m.nnz() == 0 ? 0f : (float) (sum / m.nnz());
  }

  private static void fillGaussian(Factors f, SplittableRandom random, float scale) {
    for (int r = 0; r < f.rows; r++) {
      for (int c = 0; c < f.k; c++) {
        f.data[f.rowStart(r) + c] = (float) (random.nextGaussian() * scale);
      }
    }
  }

  /** Solves every user against the current item factors. */
  public void updateUsers() {
    updateUsers(() -> false);
  }

  /** Solves every item against the current user factors. */
  public void updateItems() {
    updateItems(() -> false);
  }

  /** One full iteration: users, then items. */
  public void iterate() {
    updateUsers();
    updateItems();
  }

  void updateUsers(BooleanSupplier cancelled) {
    refreshItemGram();
    sweep.solve(new RowProblem(userTerms, userItems, null, itemGram, itemGramRhs, items), users,
        spareUsers, cancelled);
    Factors old = users;
    users = spareUsers;
    spareUsers = old;
    userGram = null;
  }

  void updateItems(BooleanSupplier cancelled) {
    refreshUserGram();
    sweep.solve(new RowProblem(itemTerms, itemUsers, null, userGram, userGramRhs, users), items,
        spareItems, cancelled);
    Factors old = items;
    items = spareItems;
    spareItems = old;
    itemGram = null;
  }

  /**
   * The full objective at the current factors (docs/math.md): the implicit one over every pair, or the
   * explicit one over the stored ratings.
   *
   * @throws UnsupportedOperationException for {@link AlsVariant#IMPLICIT_BIASED}
   */
  public double loss() {
    if (explicitWeights != null) {
      return ExplicitObjective.evaluate(ops, runner, userItems, itemUsers, explicitWeights[0], mean,
          userTerms, itemTerms, users, items);
    }
    if (users.biased) {
      throw new UnsupportedOperationException("the loss of the IMPLICIT_BIASED variant is not"
          + " implemented");
    }
    refreshUserGram();
    refreshItemGram();
    return ImplicitObjective.evaluate(ops, runner, userItems, itemUsers, implicitWeights, userTerms,
        itemTerms, users, items, userGram, itemGram);
  }

  // Only implicit models need the shared terms; explicit ones (β = 0) skip the Gram pass.
  private void refreshUserGram() {
    if (userGram == null && implicitWeights != null) {
      userGram = userGramBuffers.compute(ops, users, runner);
      userGramRhs = AugmentedGram.augmentInPlace(userGram, users);
    }
  }

  private void refreshItemGram() {
    if (itemGram == null && implicitWeights != null) {
      itemGram = itemGramBuffers.compute(ops, items, runner);
      itemGramRhs = AugmentedGram.augmentInPlace(itemGram, items);
    }
  }

  /** Replaces the item biases (biased variants). */
  public void setItemBiases(float[] biases) {
    items.setBiases(biases);
    itemGram = null;
  }

  /** A copy of the user biases (biased variants). */
  public float[] userBiases() {
    return users.biases();
  }

  /** A copy of the item biases (biased variants). */
  public float[] itemBiases() {
    return items.biases();
  }

  /** μ: the mean training rating for {@link AlsVariant#EXPLICIT_BIASED}, else 0. */
  public float globalMean() {
    return mean;
  }

  /**
   * Replaces the user factors (dense, row-major, stride k): to evaluate {@link #loss()} at factors
   * trained elsewhere, or to warm-start an iterative solver.
   */
  public void setUserFactors(float[] dense) {
    users.setFromDense(dense);
    userGram = null;
  }

  /** Replaces the user biases (biased variants). */
  public void setUserBiases(float[] biases) {
    users.setBiases(biases);
    userGram = null;
  }

  /** Replaces the item factors (dense, row-major, stride k). */
  public void setItemFactors(float[] dense) {
    items.setFromDense(dense);
    itemGram = null;
  }

  /** A copy of the user factors, dense row-major with stride k. */
  public float[] userFactors() {
    return users.toDense();
  }

  /** A copy of the item factors, dense row-major with stride k. */
  public float[] itemFactors() {
    return items.toDense();
  }

  /** The model at the current factors. */
  public FactorModel toModel() {
    if (users.biased) {
      return new FactorModel(config.factors(), users.rows, items.rows, users.toDense(),
          items.toDense(), mean, users.biases(), items.biases());
    }
    return new FactorModel(config.factors(), users.rows, items.rows, users.toDense(), items.toDense());
  }

  /** Shuts down the pool this session made, if any. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.shutdown();
    }
  }
}
