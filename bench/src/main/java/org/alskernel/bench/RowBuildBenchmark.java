package org.alskernel.bench;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * The normal-equation build of one implicit-ALS row with n interactions (2·n·k² flops). The {@code
 * ops} parameter picks the Vector API or the scalar kernels.
 */
public class RowBuildBenchmark extends RowBenchmark {

  /** Build A_u and b_u of one row: 2·n·k² flops. */
  @Benchmark
  public float[] build() {
    row.build(kernels, ws);
    return ws.a;
  }
}
