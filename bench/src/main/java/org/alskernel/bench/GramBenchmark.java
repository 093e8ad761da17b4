package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.ParallelRunner;
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

/** YᵀY of 20,000 factor rows on one thread: 2·rows·k² effective flops. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class GramBenchmark {
  public static final int ROWS = 20_000;

  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"vector", "scalar"})
  public String ops;

  private VectorOps kernels;
  private Factors factors;
  private Gram gram;
  private final ParallelRunner oneThread = new ParallelRunner(null);

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    factors = BenchData.factors(kernels, ROWS, k, 42);
    gram = new Gram(ROWS, factors.stride);
  }

  @Benchmark
  public float[] gram() {
    return gram.compute(kernels, factors, oneThread);
  }
}
