package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.Confidence;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of summing the implicit objective in double (docs/math.md, "Float accumulation"): the
 * kernel's loss on the synthetic 5M matrix at k = 64, one thread, after 3 iterations ({@code
 * kernelDoubleSums}, which is {@code AlsSession.loss()} with its Gram matrices cached), against the
 * same evaluation with every sum in float ({@code floatSums}, written here only to price the
 * difference). Both use the kernel's float dot products.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
@State(Scope.Benchmark)
public class ObjectiveAccumulationBenchmark {
  private static final float LAMBDA = 0.1f;
  private static final float ALPHA = 1f;

  private CsrMatrix m;
  private AlsSession session;
  private VectorOps ops;
  private Factors x;
  private Factors y;
  private float[] gramX;
  private float[] gramY;

  @Setup(Level.Trial)
  public void setUp() {
    m = BenchDatasets.load("synthetic-5m");
    ops = BenchData.ops("vector");
    session = new AlsSession(m, AlsConfig.builder().factors(64).lambda(LAMBDA).alpha(ALPHA)
        .threads(1).build(), ops);
    for (int i = 0; i < 3; i++) {
      session.iterate();
    }
    int kp = ops.paddedStride(64);
    x = new Factors(m.rows(), 64, kp);
    x.setFromDense(session.userFactors());
    y = new Factors(m.cols(), 64, kp);
    y.setFromDense(session.itemFactors());
    ParallelRunner one = new ParallelRunner(null);
    gramX = Gram.of(ops, x, one);
    gramY = Gram.of(ops, y, one);
    session.loss(); // computes and caches the session's Gram matrices
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public double kernelDoubleSums() {
    return session.loss();
  }

  /** L = ⟨G_X, G_Y⟩ + Σ_observed [c (p − s)² − s²] + λ (tr G_X + tr G_Y), every sum in float. */
  @Benchmark
  public float floatSums() {
    float unobserved = 0;
    for (int i = 0; i < gramX.length; i++) {
      unobserved += gramX[i] * gramY[i];
    }
    float norms = 0;
    for (int f = 0; f < x.k; f++) {
      norms += gramX[f * x.stride + f] + gramY[f * y.stride + f];
    }
    int[] indptr = m.indptr();
    int[] indices = m.indices();
    float[] values = m.values();
    float observed = 0;
    for (int u = 0; u < m.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        float s = ops.dot(x.data, x.rowStart(u), y.data, y.rowStart(indices[p]), x.k);
        float c = Confidence.LINEAR.apply(values[p], ALPHA, 1f);
        float e = (values[p] > 0f ? 1f : 0f) - s;
        observed += c * e * e - s * s;
      }
    }
    return unobserved + observed + LAMBDA * norms;
  }
}
