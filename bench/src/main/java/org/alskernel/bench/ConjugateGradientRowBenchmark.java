package org.alskernel.bench;

import org.alskernel.linalg.ConjugateGradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Rows of implicit ALS solved by conjugate gradient from a fixed start, as many together as a
 * sweep's solver takes ({@link ConjugateGradient#rowsTogether}; here copies of one row): the
 * residual product and {@code steps} steps, each a Gram product for all of them and a neighbour
 * product per row over its n neighbours read in place from 20,000 item factors (which stay in
 * cache from call to call, unlike a sweep's). Time per call, for all the rows; effective flops per
 * row (steps + 1)·(2k² + 4·n·k).
 */
public class ConjugateGradientRowBenchmark extends RowBenchmark {
  @Param({"3"})
  public int steps;

  private ConjugateGradient solver;
  private float[] start;

  @Override
  @Setup(Level.Trial)
  public void setUp() {
    super.setUp(); // JMH does not order set-up methods across the class hierarchy
    solver = new ConjugateGradient(kernels, ws);
    start = new float[row.items().stride];
    for (int c = 0; c < k; c++) {
      start[c] = 0.01f * ((c % 7) - 3);
    }
  }

  @Benchmark
  public float[] solveRows() {
    solver.clear();
    while (!solver.isFull()) {
      solver.add(row.problem(), 0, start, 0);
    }
    solver.solve(steps);
    return solver.solution();
  }
}
