package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.simd.VectorOps;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every single-thread kernel benchmark shares (JMH inherits these annotations and @Param
 * fields): the k values, the choice of kernel implementation, the JVM flags and the timing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public abstract class KernelBenchmark {
  @Param({"16", "32", "64", "100", "128", "256"})
  public int k;

  @Param({"vector", "scalar"})
  public String ops;

  /** The implementation named by {@link #ops}; subclasses set it in their trial setup. */
  protected VectorOps kernels;
}
