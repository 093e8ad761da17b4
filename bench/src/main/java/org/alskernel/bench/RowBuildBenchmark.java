package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
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

  private VectorOps kernels;
  private BenchData.RowInput row;
  private RowWorkspace ws;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    row = BenchData.row(kernels, 20_000, k, interactions, 43);
    ws = new RowWorkspace(row.items().stride);
  }

  /** Build A_u and b_u of one row: 2·n·k² flops. */
  @Benchmark
  public float[] build() {
    row.build(kernels, ws);
    return ws.a;
  }
}
