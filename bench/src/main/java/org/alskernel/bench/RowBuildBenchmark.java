package org.alskernel.bench;

import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The normal-equation build of one implicit-ALS row with n interactions (2·n·k² flops) against 20,000
 * seeded item factors. The {@code ops} parameter picks the Vector API or the scalar kernels.
 */
public class RowBuildBenchmark extends KernelBenchmark {
  @Param({"8", "64", "512"})
  public int interactions;

  private BenchData.RowInput row;
  private RowWorkspace ws;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    row = BenchData.row(kernels, 20_000, k, interactions, 43);
    ws = new RowWorkspace(row.items().stride);
  }

  /** Build A_u and b_u of one row: 2·n·k² flops. */
  @Benchmark
  public float[] build() {
    row.build(kernels, ws);
    return ws.a;
  }
}
