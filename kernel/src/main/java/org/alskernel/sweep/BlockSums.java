package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowTerms;
import org.alskernel.parallel.ParallelRunner;

/**
 * A sum over rows in double, taken over fixed blocks of rows in parallel and added in block order,
 * so its value does not depend on the thread count.
 */
final class BlockSums {
  private static final int BLOCK_ROWS = 1024;

  /** The sum over rows [from, to) of one block. */
  interface Block {
    double sum(int from, int to);
  }

  private BlockSums() {}

  static double over(ParallelRunner runner, int rows, Block block) {
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    double[] partial = new double[blocks];
    runner.run(blocks, blk -> partial[blk] = block.sum(blk * BLOCK_ROWS,
        Math.min(rows, (blk + 1) * BLOCK_ROWS)));
    double s = 0;
    for (double p : partial) {
      s += p;
    }
    return s;
  }

  /**
   * The penalty Σ_r λ_r ‖x̃_r‖² of one side: λ_r from its terms and row r's count, x̃_r the row's
   * first {@code dims} factor entries.
   */
  static double penalty(ParallelRunner runner, CsrMatrix rows, RowTerms terms, Factors f,
      int dims) {
    return over(runner, f.rows, (from, to) -> {
      double sum = 0;
      for (int r = from; r < to; r++) {
        double norm = 0;
        for (int c = 0; c < dims; c++) {
          double v = f.data[f.rowStart(r) + c];
          norm += v * v;
        }
        sum += (double) terms.lambdaFor(rows.rowLength(r)) * norm;
      }
      return sum;
    });
  }
}
