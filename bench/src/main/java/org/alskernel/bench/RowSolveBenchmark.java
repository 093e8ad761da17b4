package org.alskernel.bench;

import org.alskernel.linalg.Cholesky;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One whole row of implicit ALS solved alone: build A_u and b_u from n interactions, factor and
 * solve with the one-system Cholesky (the sweep batches 16 systems instead; see
 * BatchedCholeskyBenchmark). Effective flops 2·n·k² + k³/3 + 2k².
 */
public class RowSolveBenchmark extends RowBenchmark {

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
