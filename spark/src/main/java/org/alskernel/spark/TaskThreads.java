package org.alskernel.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.alskernel.parallel.ParallelRunner;
import org.apache.spark.TaskContext;

/**
 * The worker threads a task solves its block with: as many as the cores Spark reserved for the task
 * ({@code spark.task.cpus}), from one pool per size kept for the executor's lifetime. With the
 * default of one core per task a block is solved in the task's own thread and the executor's cores
 * are filled by running tasks side by side.
 */
final class TaskThreads {
  private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

  private TaskThreads() {}

  static ParallelRunner runner() {
    TaskContext task = TaskContext.get();
    int threads = task == null ? 1 : Math.max(1, task.cpus());
    if (threads == 1) {
      return new ParallelRunner(null);
    }
    return new ParallelRunner(POOLS.computeIfAbsent(threads, n -> new ForkJoinPool(n,
        pool -> {
          var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          thread.setDaemon(true);
          thread.setName("als-kernel-block-" + thread.getPoolIndex());
          return thread;
        }, null, false)));
  }
}
