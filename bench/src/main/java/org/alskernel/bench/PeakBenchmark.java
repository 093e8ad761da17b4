package org.alskernel.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's FMA roofline, measured in the same run as the kernels so that every kernel can be
 * quoted as a fraction of it. Registers only: 12 independent accumulators (more than FMA latency ×
 * throughput on current x86 and ARM cores), species in {@code static final} fields, no memory traffic.
 * One call is {@link #STEPS} steps of 12 vector FMAs: {@code 2 · 12 · STEPS · lanes} flops.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeakBenchmark {
  public static final int STEPS = 4096;
  public static final int ACCUMULATORS = 12;
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  /** Flops of one call of a float benchmark. */
  public static double floatFlopsPerCall() {
    return 2.0 * ACCUMULATORS * STEPS * F.length();
  }

  /** Flops of one call of a double benchmark. */
  public static double doubleFlopsPerCall() {
    return 2.0 * ACCUMULATORS * STEPS * D.length();
  }

  @Benchmark
  @Threads(1)
  public float floatOneThread() {
    return floatFma();
  }

  @Benchmark
  @Threads(Threads.MAX)
  public float floatAllThreads() {
    return floatFma();
  }

  @Benchmark
  @Threads(1)
  public double doubleOneThread() {
    return doubleFma();
  }

  @Benchmark
  @Threads(Threads.MAX)
  public double doubleAllThreads() {
    return doubleFma();
  }

  /**
   * a ← a·x + y stays bounded (x just below 1) and never denormal, so every FMA is real work. Kept
   * out of the JMH stub: inlined there, C2 produced a loop at half the speed of this method compiled
   * on its own (133 vs 262 GFLOP/s, one core, same JVM), which would understate the roofline.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private static float floatFma() {
    FloatVector x = FloatVector.broadcast(F, 0.999999f);
    FloatVector y = FloatVector.broadcast(F, 1e-6f);
    FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0.add(1f), a2 = a0.add(2f), a3 = a0.add(3f);
    FloatVector a4 = a0.add(4f), a5 = a0.add(5f), a6 = a0.add(6f), a7 = a0.add(7f);
    FloatVector a8 = a0.add(8f), a9 = a0.add(9f), a10 = a0.add(10f), a11 = a0.add(11f);
    for (int i = 0; i < STEPS; i++) {
      a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
      a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
      a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10)
        .add(a11).reduceLanes(VectorOperators.ADD);
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private static double doubleFma() {
    DoubleVector x = DoubleVector.broadcast(D, 0.999999);
    DoubleVector y = DoubleVector.broadcast(D, 1e-6);
    DoubleVector a0 = DoubleVector.broadcast(D, 1), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3);
    DoubleVector a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7);
    DoubleVector a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
    for (int i = 0; i < STEPS; i++) {
      a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
      a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
      a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10)
        .add(a11).reduceLanes(VectorOperators.ADD);
  }
}
