package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * The Gram matrix G = YᵀY of a factor matrix, full and symmetric, kp×kp with stride kp.
 *
 * <p>Deterministic for any thread count: the rows are cut into a number of blocks that depends only on
 * the row count, each block's partial sum is computed in row order, and the partials are added in
 * block order. Within a block the rows are applied {@link RowWorkspace#BATCH} at a time so that the
 * rank update's inputs stay in L1.
 */
public final class Gram {
  private static final int MIN_BLOCK_ROWS = 512;
  private static final int MAX_BLOCKS = 64;

  private Gram() {}

  public static float[] compute(VectorOps ops, Factors y, ParallelRunner runner) {
    int kp = y.stride;
    int blocks = Math.max(1, Math.min(MAX_BLOCKS, (y.rows + MIN_BLOCK_ROWS - 1) / MIN_BLOCK_ROWS));
    int blockRows = (y.rows + blocks - 1) / Math.max(1, blocks);
    float[][] partial = new float[blocks][kp * kp];
    runner.run(blocks, blk -> {
      int end = Math.min(y.rows, (blk + 1) * blockRows);
      for (int start = blk * blockRows; start < end; start += RowWorkspace.BATCH) {
        int n = Math.min(RowWorkspace.BATCH, end - start);
        ops.rankUpdate(y.data, start * kp, y.data, start * kp, n, kp, partial[blk], 0);
      }
    });
    float[] g = partial[0];
    for (int blk = 1; blk < blocks; blk++) {
      float[] p = partial[blk];
      for (int i = 0; i < g.length; i++) {
        g[i] += p[i];
      }
    }
    for (int r = 0; r < kp; r++) {
      for (int c = r + 1; c < kp; c++) {
        g[c * kp + r] = g[r * kp + c];
      }
    }
    return g;
  }
}
