package org.alskernel.bench;

import org.alskernel.linalg.InterleavedBatch;
import org.alskernel.linalg.RowWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Factor + solve of {@code lanes} row systems at once, one per vector lane, as the sweep does it: the
 * systems are already built in their lanes (the sweep builds them there), and each op moves them into
 * the interleaved layout, factors and solves, and copies every solution out. One op is {@code lanes}
 * systems: lanes · (k³/3 + 2k²) effective flops. Compare per system with {@link CholeskyBenchmark}.
 */
public class BatchedCholeskyBenchmark extends KernelBenchmark {
  private int kp;
  private int lanes;
  private InterleavedBatch batch;
  private float[] out;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    lanes = kernels.lanes();
    kp = kernels.paddedStride(k);
    batch = new InterleavedBatch(kernels, k, kp, true);
    RowWorkspace ws = new RowWorkspace(kp);
    for (int lane = 0; lane < lanes; lane++) {
      BenchData.row(kernels, 2_000, k, 64, 43 + lane).build(kernels, ws);
      batch.add(ws.a, ws.b); // solve() reads the lanes and leaves them as they are
    }
    out = new float[lanes * kp];
  }

  @Benchmark
  public float[] factorAndSolveBatch() {
    if (batch.solve() >= 0) {
      throw new IllegalStateException("benchmark system is not positive definite");
    }
    for (int lane = 0; lane < lanes; lane++) {
      batch.solution(lane, out, lane * kp);
    }
    return out;
  }
}
