package org.alskernel.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The normal-equation build of one implicit-ALS row with n interactions (2·n·k² flops) against 20,000
 * seeded item factors. The {@code ops} parameter picks the Vector API or the scalar kernels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class RowBuildBenchmark {
  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"8", "64", "512"})
  public int interactions;

  @Param({"vector", "scalar"})
  public String ops;

  private static final int ITEMS = 20_000;

  private VectorOps kernels;
  private Factors items;
  private float[] gram;
  private int[] indices;
  private float[] values;
  private RowWorkspace ws;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    items = BenchData.factors(kernels, ITEMS, k, 42);
    gram = Gram.compute(kernels, items, new ParallelRunner(null));
    SplittableRandom rnd = new SplittableRandom(43);
    indices = new int[interactions];
    values = new float[interactions];
    int step = ITEMS / interactions;
    for (int j = 0; j < interactions; j++) {
      indices[j] = j * step + rnd.nextInt(step);
      values[j] = 1 + rnd.nextInt(5);
    }
    ws = new RowWorkspace(items.stride);
  }

  /** Build A_u and b_u of one row: 2·n·k² flops. */
  @Benchmark
  public float[] build() {
    NormalEquations.build(kernels, gram, 1f, 0.1f, items, 0, indices, values, 0, interactions, BenchData.IMPLICIT,
        ws);
    return ws.a;
  }
}
