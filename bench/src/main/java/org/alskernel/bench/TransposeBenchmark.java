package org.alskernel.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.alskernel.parallel.ParallelRunner;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The item side a session makes before its first sweep: the transpose of a user×item matrix, on
 * one thread or all. Single shots, since one transpose of the largest matrix takes seconds; for
 * {@code -p data=synthetic-500m} give the fork a heap of 20 GB ({@code -jvmArgsAppend -Xmx20g}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
@State(Scope.Benchmark)
public class TransposeBenchmark {
  @Param({"synthetic-5m", "synthetic-50m"})
  public String data;

  @Param({"1", "all"})
  public String threads;

  private CsrMatrix matrix;
  private ForkJoinPool pool;
  private ParallelRunner runner;

  @Setup(Level.Trial)
  public void setUp() {
    matrix = BenchDatasets.load(data);
    int t = BenchData.threads(threads);
    pool = t > 1 ? new ForkJoinPool(t) : null;
    runner = new ParallelRunner(pool);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  @Benchmark
  public CsrMatrix transpose() {
    return matrix.transpose(runner);
  }
}
