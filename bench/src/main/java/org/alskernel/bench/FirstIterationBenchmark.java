package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
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
 * The first iteration of a new fit, each measured once (single shot) with no warm-up: in every fork
 * the first measured iteration is the JVM's first fit, the JIT still compiling the kernels; the later
 * ones are new fits (a new session each, its arrays new) in a JVM whose kernels are compiled.
 * SweepBenchmark.iteration gives the steady iteration to compare with (docs/design.md, "The first
 * iteration: where the time goes").
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
@State(Scope.Benchmark)
public class FirstIterationBenchmark {
  @Param({"synthetic-5m"})
  public String data;

  @Param({"32"})
  public int k;

  @Param({"cg", "cholesky"})
  public String solver;

  private CsrMatrix matrix;
  private AlsConfig config;
  private AlsSession session;

  @Setup(Level.Trial)
  public void load() {
    matrix = BenchDatasets.load(data);
    config = BenchDatasets.settings(data, k).solver(Solver.byLabel(solver)).build();
  }

  @Setup(Level.Iteration)
  public void newFit() {
    session = new AlsSession(matrix, config);
  }

  @TearDown(Level.Iteration)
  public void close() {
    session.close();
  }

  /** The fit's first iteration: users, then items. */
  @Benchmark
  public AlsSession firstIteration() {
    session.iterate();
    return session;
  }
}
