package org.alskernel.train;

import java.util.concurrent.atomic.AtomicBoolean;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.synthetic.SyntheticInteractions;

/**
 * Runs a fit's kernels on a small synthetic problem, on one background thread, until closed. Started
 * while the fit's input is still being read, it lets the JIT compile the kernels beside the reading
 * rather than during the fit's first iteration (docs/design.md, "Warming the kernels while the input
 * is read"). It shares nothing with the fit: its own matrix, session and factors on its own thread,
 * so the fit's results are the same with it or without.
 */
public final class KernelWarmup implements AutoCloseable {
  // Ten items have more than 1,024 users and four more than 2,048, so conjugate gradient's dense-row
  // path runs too from k = 32 on; a half-sweep takes milliseconds, so close() returns at once.
  static final int USERS = 4_000;
  static final int ITEMS = 1_000;
  static final int ENTRIES = 80_000;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private volatile int halfSweeps;

  private KernelWarmup(AlsConfig config) {
    this.thread = new Thread(() -> run(config), "als-kernel-warmup");
    thread.setDaemon(true); // never keeps the JVM alive
    thread.start();
  }

  /**
   * Starts warming the kernels of fits with {@code config}'s settings (variant, k, solver, weights).
   *
   * @throws IllegalArgumentException unless {@code config} runs on one thread of its own, so that
   *     the warm-up takes one core and no pool of the fit's
   */
  public static KernelWarmup start(AlsConfig config) {
    if (config.threads() != 1 || config.pool() != null) {
      throw new IllegalArgumentException("a warm-up runs on one thread of its own: give it a config"
          + " with threads(1) and no pool, got threads = " + config.threads()
          + (config.pool() != null ? " and a pool" : ""));
    }
    return new KernelWarmup(config);
  }

  private void run(AlsConfig config) {
    try {
      CsrMatrix m = SyntheticInteractions.shape(USERS, ITEMS, ENTRIES).values(1, 5).generate(1);
      try (AlsSession session = new AlsSession(m, config)) {
        while (!stop.get()) {
          session.updateUsers(stop::get);
          session.updateItems(stop::get);
          halfSweeps += 2;
        }
      }
    } catch (RuntimeException e) {
      // Settings the synthetic problem does not satisfy (a rating scale its values leave, say) only
      // mean no warm-up; the fit itself reports them.
    }
  }

  /** Half-sweeps finished so far. */
  int halfSweeps() {
    return halfSweeps;
  }

  /** Stops the warm-up and waits for its thread, which ends within a few rows. */
  @Override
  public void close() {
    stop.set(true);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
