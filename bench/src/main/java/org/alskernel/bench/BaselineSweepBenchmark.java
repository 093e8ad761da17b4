package org.alskernel.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Confidence;
import org.alskernel.validation.ReferenceImplicitAls;
import org.alskernel.validation.SparkStyleImplicitAls;
import org.alskernel.validation.TextbookImplicitAls;
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
 * The user half-sweep of {@link SweepBenchmark} done by the alternatives a user could pick instead, one
 * thread each, same λ = 0.1 and α = 1: {@code textbook} (plain double loops, YᵀY trick),
 * {@code spark-native} / {@code spark-java} (Spark MLlib's dspr + dppsv through netlib with OpenBLAS
 * or pure Java), and {@code dense} (the naive dense reference: Yᵀ C_u Y over every item; small data
 * only). Single-shot: these take seconds per sweep.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g",
    "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class BaselineSweepBenchmark {
  /** The naive dense reference is O(users·items·k²): refuse shapes where it would take minutes. */
  private static final long DENSE_MAX_CELLS = 5_000_000L;

  @Param({"textbook", "spark-native", "spark-java", "dense"})
  public String impl;

  @Param({"synthetic-5m", "ml20m-shape", "ml-100k", "lastfm"})
  public String data;

  @Param({"32", "64", "128"})
  public int k;

  private CsrMatrix users;
  private float[] items;
  private Supplier<Object> sweep;

  @Setup(Level.Trial)
  public void setUp() {
    users = BenchDatasets.load(data);
    items = new float[users.cols() * k];
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < items.length; i++) {
      items[i] = (float) (rnd.nextGaussian() * 0.1);
    }
    sweep = switch (impl) {
      case "textbook" -> {
        TextbookImplicitAls als = new TextbookImplicitAls(k, 0.1, 1.0);
        yield () -> als.halfSweep(users, items);
      }
      case "spark-native" -> {
        SparkStyleImplicitAls als = new SparkStyleImplicitAls(nativeBlas(), NativeLAPACK.getInstance(), k, 0.1, 1.0);
        yield () -> als.halfSweep(users, items);
      }
      case "spark-java" -> {
        SparkStyleImplicitAls als =
            new SparkStyleImplicitAls(JavaBLAS.getInstance(), JavaLAPACK.getInstance(), k, 0.1, 1.0);
        yield () -> als.halfSweep(users, items);
      }
      case "dense" -> {
        if ((long) users.rows() * users.cols() > DENSE_MAX_CELLS) {
          throw new IllegalStateException("the naive dense baseline is only run on small data, not " + data);
        }
        ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(users, k, 0.1, 1.0, Confidence.LINEAR, 1.0);
        double[] y = ReferenceImplicitAls.toDouble(items);
        yield () -> ref.halfSweep(ReferenceImplicitAls.Side.USER, y);
      }
      default -> throw new IllegalArgumentException("unknown impl " + impl);
    };
  }

  private static dev.ludovic.netlib.blas.BLAS nativeBlas() {
    try {
      return NativeBLAS.getInstance();
    } catch (RuntimeException e) {
      throw new IllegalStateException("native BLAS not loadable: install OpenBLAS"
          + " (apt-get install libopenblas0-pthread) to run the spark-native baseline", e);
    }
  }

  @Benchmark
  public Object userHalfSweep() {
    return sweep.get();
  }
}
