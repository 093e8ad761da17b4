package org.alskernel.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.ParallelRunner;
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
 * Cholesky factor + solve of one implicit-ALS row system (k³/3 + 2k² flops). The system is built once
 * in setup and copied in each call (k² + k moves), since factoring overwrites it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class CholeskyBenchmark {
  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"vector", "scalar"})
  public String ops;

  private VectorOps kernels;
  private int kp;
  private RowWorkspace ws;
  private float[] builtA;
  private float[] builtB;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    Factors items = BenchData.factors(kernels, 2_000, k, 42);
    kp = items.stride;
    float[] gram = Gram.compute(kernels, items, new ParallelRunner(null));
    SplittableRandom rnd = new SplittableRandom(43);
    int n = 64;
    int[] indices = new int[n];
    float[] values = new float[n];
    for (int j = 0; j < n; j++) {
      indices[j] = j * 31 + rnd.nextInt(31);
      values[j] = 1 + rnd.nextInt(5);
    }
    ws = new RowWorkspace(kp);
    NormalEquations.build(kernels, gram, 1f, 0.1f, items, 0, indices, values, 0, n, BenchData.IMPLICIT, ws);
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
