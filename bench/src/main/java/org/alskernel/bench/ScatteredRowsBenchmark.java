package org.alskernel.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.alskernel.linalg.Factors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The first read of a product's neighbour rows, when they are in no cache. Each call takes the
 * next {@link #ROWS} of a long stream of random rows out of factor rows filling {@code megabytes}
 * (1,024: rows come from memory, as the 500M matrix's factors do; 4: from L2 and L3, as the 5M
 * matrix's item factors do at k = 64). {@code dots} is a product's first half, {@code rowDots};
 * {@code sums} adds the same rows up, the loads and one add each: what reading the rows costs when
 * nothing waits on them. Scores are per call of {@link #ROWS} rows.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class ScatteredRowsBenchmark extends KernelBenchmark {
  static final int ROWS = 128;
  private static final int STREAM = 1 << 24;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  @Param({"4", "1024"})
  public int megabytes;

  private Factors factors;
  private int[] stream;
  private int next;
  private float[] v;
  private float[] dots;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = BenchData.ops(ops);
    int stride = kernels.paddedStride(k);
    int rows = (int) ((long) megabytes << 20) / (4 * stride);
    factors = new Factors(rows, k, stride);
    Arrays.fill(factors.data, 0.01f); // the values do not matter, only where the rows are
    stream = new SplittableRandom(42).ints(STREAM, 0, rows).toArray();
    v = new float[stride];
    Arrays.fill(v, 0, k, 0.5f);
    dots = new float[ROWS];
  }

  /** The next call's rows: the stream from {@code from}. */
  private int advance() {
    int from = next;
    next = from + ROWS == STREAM ? 0 : from + ROWS;
    return from;
  }

  @Benchmark
  public float[] dots() {
    kernels.rowDots(factors.data, factors.offset, stream, advance(), ROWS, factors.stride, v, dots);
    return dots;
  }

  @Benchmark
  public float sums() {
    int from = advance();
    int stride = factors.stride;
    float[] data = factors.data;
    // Even and odd rows add into two vectors, so that the adds' latency is not what is timed.
    FloatVector even = FloatVector.zero(F);
    FloatVector odd = FloatVector.zero(F);
    for (int j = from; j < from + ROWS; j += 2) {
      int o = factors.offset + stream[j] * stride;
      int p = factors.offset + stream[j + 1] * stride;
      for (int c = 0; c + F.length() <= stride; c += F.length()) {
        even = even.add(FloatVector.fromArray(F, data, o + c));
        odd = odd.add(FloatVector.fromArray(F, data, p + c));
      }
    }
    return even.add(odd).lane(0); // a float, so that no vector is boxed on the way out
  }
}
