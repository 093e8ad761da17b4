package org.alskernel.bench;

import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the per-row benchmarks share: one implicit-ALS row of n interactions against 20,000 seeded
 * item factors, and a workspace to build it in.
 */
public abstract class RowBenchmark extends KernelBenchmark {
  /** A short row (its count no multiple of the kernels' groups of rows, so their tails run), a typical one, a long one. */
  @Param({"7", "64", "512"})
  public int interactions;

  protected BenchData.RowInput row;
  protected RowWorkspace ws;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    row = BenchData.row(kernels, 20_000, k, interactions, 43);
    ws = new RowWorkspace(row.items().stride, true); // as a sweep worker's
  }
}
