package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.simd.VectorOps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole row of implicit ALS, as the sweep does it: build A_u and b_u from n interactions, factor,
 * solve. Effective flops 2·n·k² + k³/3 + 2k².
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class RowSolveBenchmark {
  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"8", "64", "512"})
  public int interactions;

  @Param({"vector", "scalar"})
  public String ops;

  private VectorOps kernels;
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
