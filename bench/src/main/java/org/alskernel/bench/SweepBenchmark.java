package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.SyntheticInteractions;
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
 * Whole sweeps of implicit ALS on the seeded 100,000 × 20,000 matrix with 5M nonzeros (values 1..10,
 * α = 1). A user half-sweep is 2·nnz·k² + users·(k³/3 + 2k²) + 2·items·k² effective flops (build,
 * solves, the item Gram).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@State(Scope.Benchmark)
public class SweepBenchmark {
  @Param({"32", "64", "128"})
  public int k;

  @Param({"1", "2"})
  public int threads;

  private AlsSession session;

  @Setup(Level.Trial)
  public void setUp() {
    CsrMatrix m = SyntheticInteractions.benchmark100k(42);
    AlsConfig config = AlsConfig.builder().factors(k).lambda(0.1f).alpha(1f).threads(threads).build();
    session = new AlsSession(m, config);
    session.iterate();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  /** Every user solved against the item factors (includes the item Gram). */
  @Benchmark
  public AlsSession userHalfSweep() {
    session.setItemFactors(session.itemFactors());
    session.updateUsers();
    return session;
  }

  /** One full iteration: users, then items. */
  @Benchmark
  public AlsSession iteration() {
    session.iterate();
    return session;
  }
}
