package org.alskernel.bench;

import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.parallel.ParallelRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** YᵀY of 20,000 factor rows on one thread: 2·rows·k² effective flops. */
public class GramBenchmark extends KernelBenchmark {
  public static final int ROWS = 20_000;

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
