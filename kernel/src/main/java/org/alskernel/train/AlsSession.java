package org.alskernel.train;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.ParallelRunner;
import org.alskernel.model.FactorModel;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;

/**
 * Implicit ALS state that can be stepped one half-sweep at a time: what {@link AlsTrainer} drives, and
 * what tests and benchmarks use to look between the steps.
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
  private final ImplicitWeights weights;
  private final HalfSweep userSweep;
  private final HalfSweep itemSweep;
  private Factors users;
  private Factors items;
  private Factors spareUsers;
  private Factors spareItems;
  private float[] userGram;
  private float[] itemGram;

  /**
   * A session on {@code userItems} (users × items, values = interaction strengths) with seeded random
   * initial factors. Work runs on {@code config.pool()} if given, else on a pool of {@code
   * config.threads()} threads that {@link #close()} shuts down (none for one thread).
   */
  public AlsSession(CsrMatrix userItems, AlsConfig config) {
    this(userItems, config, VectorOpsProvider.get());
  }

  /** As above with an explicit kernel implementation (tests compare scalar and vector). */
  public AlsSession(CsrMatrix userItems, AlsConfig config, VectorOps ops) {
    this.config = config;
    this.ops = ops;
    this.userItems = userItems;
    this.ownedPool =
        config.pool() == null && config.threads() > 1 ? new ForkJoinPool(config.threads()) : null;
    this.runner = new ParallelRunner(config.pool() != null ? config.pool() : ownedPool);
    int k = config.factors();
    int kp = ops.paddedStride(k);
    MemoryCheck.requireFits(userItems.rows(), userItems.cols(), k, kp, runner.workers());
    CsrMatrix itemUsers = userItems.transpose();
    this.weights = new ImplicitWeights(config.confidence(), config.alpha(), config.epsilon());
    this.userSweep = new HalfSweep(ops, runner, userItems, "user", k, kp, config.lambda(), 1f, weights);
    this.itemSweep = new HalfSweep(ops, runner, itemUsers, "item", k, kp, config.lambda(), 1f, weights);
    this.users = new Factors(userItems.rows(), k, kp);
    this.items = new Factors(userItems.cols(), k, kp);
    this.spareUsers = new Factors(userItems.rows(), k, kp);
    this.spareItems = new Factors(userItems.cols(), k, kp);
    SplittableRandom random = new SplittableRandom(config.seed());
    fillGaussian(users, random.split(), config.initScale());
    fillGaussian(items, random.split(), config.initScale());
  }

  private static void fillGaussian(Factors f, SplittableRandom random, float scale) {
    for (int r = 0; r < f.rows; r++) {
      for (int c = 0; c < f.k; c++) {
        f.data[r * f.stride + c] = (float) (random.nextGaussian() * scale);
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
    userSweep.solve(itemGram(), items, spareUsers, cancelled);
    Factors old = users;
    users = spareUsers;
    spareUsers = old;
    userGram = null;
  }

  void updateItems(BooleanSupplier cancelled) {
    itemSweep.solve(userGram(), users, spareItems, cancelled);
    Factors old = items;
    items = spareItems;
    spareItems = old;
    itemGram = null;
  }

  /** The full implicit objective at the current factors (docs/math.md). */
  public double loss() {
    return ImplicitObjective.evaluate(ops, runner, userItems, weights, config.lambda(), users, items,
        userGram(), itemGram());
  }

  private float[] userGram() {
    if (userGram == null) {
      userGram = Gram.compute(ops, users, runner);
    }
    return userGram;
  }

  private float[] itemGram() {
    if (itemGram == null) {
      itemGram = Gram.compute(ops, items, runner);
    }
    return itemGram;
  }

  /** Replaces the user factors (dense, row-major, stride k). */
  public void setUserFactors(float[] dense) {
    users.setFromDense(dense);
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
