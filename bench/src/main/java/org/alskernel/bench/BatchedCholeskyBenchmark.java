package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.linalg.InterleavedBatch;
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
 * Factor + solve of {@code lanes} row systems at once, one per vector lane, including copying each
 * built system into its lane and each solution out, as the sweep does. One op is {@code lanes}
 * systems: lanes · (k³/3 + 2k²) effective flops. Compare per system with {@link CholeskyBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class BatchedCholeskyBenchmark {
  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"vector", "scalar"})
  public String ops;

  private VectorOps kernels;
  private int kp;
  private float[][] builtA;
  private float[][] builtB;
  private InterleavedBatch batch;
  private float[] out;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    int lanes = kernels.lanes();
    builtA = new float[lanes][];
    builtB = new float[lanes][];
    for (int lane = 0; lane < lanes; lane++) {
      BenchData.RowInput row = BenchData.row(kernels, 2_000, k, 64, 43 + lane);
      kp = row.items().stride;
      RowWorkspace ws = new RowWorkspace(kp);
      row.build(kernels, ws);
      builtA[lane] = ws.a;
      builtB[lane] = ws.b;
    }
    batch = new InterleavedBatch(kernels, k);
    out = new float[lanes * kp];
  }

  @Benchmark
  public float[] factorAndSolveBatch() {
    batch.clear();
    while (batch.size() < builtA.length) {
      int lane = batch.size();
      batch.add(builtA[lane], builtB[lane], kp);
    }
    if (batch.solve() >= 0) {
      throw new IllegalStateException("benchmark system is not positive definite");
    }
    for (int lane = 0; lane < builtA.length; lane++) {
      batch.solution(lane, out, lane * kp);
    }
    return out;
  }
}
