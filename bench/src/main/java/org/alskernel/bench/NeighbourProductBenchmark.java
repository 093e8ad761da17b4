package org.alskernel.bench;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The sparse part of one conjugate-gradient product, A·v ⊇ Σ_j c_j (y_j·v) y_j over a row's n
 * neighbours read in place from 20,000 item factors: {@code rowDots}, then {@code
 * addRowCombination}. Effective flops 4·n·k (a dot product and a scaled add per neighbour).
 */
public class NeighbourProductBenchmark extends RowBenchmark {
  private float[] v;
  private float[] dots;
  private float[] acc;

  @Override
  @Setup(Level.Trial)
  public void setUp() {
    super.setUp(); // JMH does not order set-up methods across the class hierarchy
    int kp = row.items().stride;
    v = new float[kp];
    for (int c = 0; c < k; c++) {
      v[c] = 0.01f * (c + 1);
    }
    dots = new float[interactions];
    acc = new float[kp];
    // The combination alone weighs the rows by their real dots, as in a product.
    kernels.rowDots(row.items().data, row.items().offset, row.indices(), 0, interactions, kp, v, dots);
  }

  @Benchmark
  public float[] product() {
    int kp = row.items().stride;
    Arrays.fill(acc, 0f);
    kernels.rowDots(row.items().data, row.items().offset, row.indices(), 0, interactions, kp, v, dots);
    kernels.addRowCombination(row.items().data, row.items().offset, row.indices(), 0, interactions, kp, dots, acc);
    return acc;
  }

  /** The dot products alone: the first half of {@link #product}. */
  @Benchmark
  public float[] dots() {
    int kp = row.items().stride;
    kernels.rowDots(row.items().data, row.items().offset, row.indices(), 0, interactions, kp, v, dots);
    return dots;
  }

  /** The combination alone: the second half of {@link #product}. */
  @Benchmark
  public float[] combination() {
    int kp = row.items().stride;
    Arrays.fill(acc, 0f);
    kernels.addRowCombination(row.items().data, row.items().offset, row.indices(), 0, interactions, kp, dots, acc);
    return acc;
  }
}
