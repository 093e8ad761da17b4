package org.alskernel.bench;

import org.alskernel.linalg.InterleavedBatch;
import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Factor + solve of {@code lanes} row systems at once, one per vector lane, including copying each
 * built system into its lane and each solution out, as the sweep does. One op is {@code lanes}
 * systems: lanes · (k³/3 + 2k²) effective flops. Compare per system with {@link CholeskyBenchmark}.
 */
public class BatchedCholeskyBenchmark extends KernelBenchmark {
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
    batch = new InterleavedBatch(kernels, k, true);
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
