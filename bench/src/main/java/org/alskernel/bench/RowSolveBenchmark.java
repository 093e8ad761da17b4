package org.alskernel.bench;

import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One whole row of implicit ALS, as the sweep does it: build A_u and b_u from n interactions, factor,
 * solve. Effective flops 2·n·k² + k³/3 + 2k².
 */
public class RowSolveBenchmark extends KernelBenchmark {
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

  @Benchmark
  public float[] solveRow() {
    row.build(kernels, ws);
    if (Cholesky.factor(kernels, ws.a, k, ws.b.length, ws.choleskyScratch) >= 0) {
      throw new IllegalStateException("benchmark system is not positive definite");
    }
    Cholesky.solve(kernels, ws.a, k, ws.b.length, ws.b);
    return ws.b;
  }
}
