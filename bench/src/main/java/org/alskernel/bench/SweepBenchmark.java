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
 * Whole sweeps of the kernel's implicit ALS (settings per dataset: {@link BenchDatasets#settings}): a
 * user half-sweep is 2·nnz·k² + users·(k³/3 + 2k²) + 2·items·k² effective flops (build, solves, the
 * item Gram); an iteration is that plus the mirror for items. {@code threads=all} uses every core;
 * {@code ops=scalar} is the kernel's own scalar fallback; {@code solver=cg} solves rows by {@code
 * cgSteps} (default {@value AlsConfig#DEFAULT_CG_STEPS}) warm-started conjugate-gradient steps
 * instead of Cholesky (same effective
 * flops: the problem is the same, so CG gets the credit for the work it skips).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
@State(Scope.Benchmark)
public class SweepBenchmark {
  @Param({"synthetic-5m", "ml20m-shape", "ml-100k", "lastfm"})
  public String data;

  @Param({"32", "64", "128"})
  public int k;

  @Param({"1", "all"})
  public String threads;

  @Param({"vector", "scalar"})
  public String ops;

  @Param({"cholesky", "cg"})
  public String solver;

  /** Steps per row for solver=cg (ignored by cholesky); the suite keeps the default. */
  @Param({"3"})
  public int cgSteps;

  private AlsSession session;
  private float[] itemFactors;
  private float[] userFactors;

  @Setup(Level.Trial)
  public void setUp() {
    CsrMatrix m = BenchDatasets.load(data);
    int t = BenchData.threads(threads);
    AlsConfig.Builder settings = BenchDatasets.settings(data, k).threads(t);
    AlsConfig config = settings.solver(Solver.byLabel(solver)).cgSteps(cgSteps).build();
    session = new AlsSession(m, config, BenchData.ops(ops));
    session.iterate();
    itemFactors = session.itemFactors();
    userFactors = session.userFactors();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  /** Every user solved against the item factors, including the item Gram. */
  @Benchmark
  public AlsSession userHalfSweep() {
    session.setItemFactors(itemFactors); // drops the cached Gram, as a new sweep would
    session.updateUsers();
    return session;
  }

  /** Every item solved against the user factors, including the user Gram. */
  @Benchmark
  public AlsSession itemHalfSweep() {
    session.setUserFactors(userFactors);
    session.updateItems();
    return session;
  }

  /** One full iteration: users, then items. */
  @Benchmark
  public AlsSession iteration() {
    session.iterate();
    return session;
  }
}
