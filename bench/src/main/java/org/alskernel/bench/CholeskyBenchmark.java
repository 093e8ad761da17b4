package org.alskernel.bench;

import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Cholesky factor + solve of one implicit-ALS row system (k³/3 + 2k² flops). The system is built once
 * in setup and copied in each call (k² + k moves), since factoring overwrites it.
 */
public class CholeskyBenchmark extends KernelBenchmark {
  private int kp;
  private RowWorkspace ws;
  private float[] builtA;
  private float[] builtB;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    BenchData.RowInput row = BenchData.row(kernels, 2_000, k, 64, 43);
    kp = row.items().stride;
    ws = new RowWorkspace(kp);
    row.build(kernels, ws);
    builtA = ws.a.clone();
    builtB = ws.b.clone();
  }

  @Benchmark
  public float[] factorAndSolve() {
    System.arraycopy(builtA, 0, ws.a, 0, builtA.length);
    System.arraycopy(builtB, 0, ws.b, 0, builtB.length);
    if (Cholesky.factor(kernels, ws.a, k, kp, ws.choleskyScratch) >= 0) {
      throw new IllegalStateException("benchmark system is not positive definite");
    }
    Cholesky.solve(kernels, ws.a, k, kp, ws.b);
    return ws.b;
  }
}
