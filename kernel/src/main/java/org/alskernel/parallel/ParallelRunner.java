package org.alskernel.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a ForkJoin pool and waits for all of them, or in the calling thread when
 * there is no pool. Results never depend on which thread runs which task: callers give each task a
 * fixed share of the work (or a per-worker scratch) and combine results in task order.
 */
public final class ParallelRunner {
  private final ForkJoinPool pool;
  private final int workers;

  /** A runner on {@code pool}, or in the calling thread when {@code pool} is null. */
  public ParallelRunner(ForkJoinPool pool) {
    this.pool = pool;
    this.workers = pool == null ? 1 : pool.getParallelism();
  }

  /** How many tasks can usefully run at once. */
  public int workers() {
    return workers;
  }

  /** Runs {@code task.accept(i)} for i in [0, tasks) and returns when all are done. */
  public void run(int tasks, IntConsumer task) {
    if (pool == null || tasks <= 1) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    List<ForkJoinTask<?>> list = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      int id = i;
      list.add(ForkJoinTask.adapt(() -> task.accept(id)));
    }
    pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(list)));
  }
}
