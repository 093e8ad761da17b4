package org.alskernel.train;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;

/**
 * Trains implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) on a users × items matrix of interaction
 * strengths. Each iteration solves every user against the item factors, then every item against the
 * user factors (docs/math.md).
 *
 * <pre>{@code
 * AlsConfig config = AlsConfig.builder().factors(64).lambda(0.1f).alpha(40).iterations(15).build();
 * FactorModel model = new AlsTrainer(config).fit(userItems);
 * }</pre>
 *
 * <p>{@link #cancel()} (from any thread) or interrupting the training thread stops {@link #fit} with a
 * {@link CancellationException}; no model is returned then. A listener that returns false stops
 * training early and the model of the last finished iteration is returned.
 */
public final class AlsTrainer {
  private final AlsConfig config;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public AlsTrainer(AlsConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    this.config = config;
  }

  /** Asks a running {@link #fit} to stop as soon as possible. */
  public void cancel() {
    cancelled.set(true);
  }

  /**
   * Trains on {@code userItems} (rows = users, columns = items, values = strengths ≥ 0; a negative
   * value means preference 0 with confidence from |r|).
   *
   * @throws org.alskernel.sweep.NotPositiveDefiniteException if some row's system cannot be solved (λ = 0 and a
   *     rank-deficient row), naming the side, the row and λ
   * @throws CancellationException if cancelled
   */
  public FactorModel fit(CsrMatrix userItems) {
    cancelled.set(false);
    Thread caller = Thread.currentThread();
    BooleanSupplier stop = () -> cancelled.get() || caller.isInterrupted();
    long start = System.nanoTime();
    try (AlsSession session = new AlsSession(userItems, config)) {
      for (int it = 1; it <= config.iterations(); it++) {
        session.updateUsers(stop);
        session.updateItems(stop);
        throwIfCancelled(stop);
        IterationListener listener = config.listener();
        if (listener != null) {
          double loss = config.computeLoss() ? session.loss() : Double.NaN;
          if (!listener.onIteration(new IterationEvent(it, System.nanoTime() - start, loss))) {
            break;
          }
        }
      }
      throwIfCancelled(stop);
      return session.toModel();
    }
  }

  /**
   * Trains on {@code data.toCsr()} (duplicate entries summed) and returns a model that keeps the
   * data's user and item ids and these settings, ready for recommendation, fold-in and saving. A model
   * trained with {@link #fit(CsrMatrix)} has no ids; {@link AlsModel#withIndexIds} gives it ids equal
   * to its indices.
   *
   * @throws org.alskernel.sweep.NotPositiveDefiniteException as {@link #fit(CsrMatrix)}
   * @throws CancellationException if cancelled
   */
  public AlsModel fit(Interactions data) {
    CsrMatrix userItems = data.toCsr();
    FactorModel factors = fit(userItems);
    ModelSettings settings = config.modelSettings();
    int[] itemCounts = settings.weighting().needsItemCounts() ? userItems.columnCounts() : null;
    return new AlsModel(factors, data.users(), data.items(), settings, itemCounts);
  }

  private static void throwIfCancelled(BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      throw new CancellationException("training was cancelled");
    }
  }
}
