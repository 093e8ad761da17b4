package org.alskernel.linalg;

import java.util.Arrays;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;

/**
 * The Gram matrix G = YᵀY of a factor matrix, full and symmetric, kp×kp with stride kp.
 *
 * <p>Deterministic for any thread count: the rows are cut into a number of blocks that depends only on
 * the row count, each block's partial sum is computed in row order, and the partials are added in
 * block order. Within a block the rows are applied {@link RowWorkspace#BATCH} at a time so that the
 * rank update's inputs stay in L1.
 *
 * <p>An instance keeps its block buffers, so computing the Gram matrix of one side again and again (once
 * per half-sweep) allocates nothing; {@link #of} is the one-off form. Not for concurrent use.
 */
public final class Gram {
  private static final int MIN_BLOCK_ROWS = 512;
  private static final int MAX_BLOCKS = 64;

  private final int rows;
  private final int kp;
  private final int blockRows;
  private final float[][] partial;
  // The block task is made once and reads its inputs from these fields, so a call allocates nothing.
  private final java.util.function.IntConsumer blockTask = this::accumulateBlock;
  private VectorOps ops;
  private Factors y;

  /** Buffers for the Gram matrix of {@code rows} factor rows of stride {@code kp}. */
  public Gram(int rows, int kp) {
    int blocks = Math.max(1, Math.min(MAX_BLOCKS, (rows + MIN_BLOCK_ROWS - 1) / MIN_BLOCK_ROWS));
    this.rows = rows;
    this.kp = kp;
    this.blockRows = (rows + blocks - 1) / blocks;
    this.partial = new float[blocks][kp * kp];
  }

  /** YᵀY computed once, in a new array, with the kernels this JVM runs best (as the trainer's). */
  public static float[] of(Factors y, ParallelRunner runner) {
    return of(VectorOpsProvider.get(), y, runner);
  }

  /** YᵀY computed once, in a new array. */
  @SuppressWarnings("exports") // VectorOps is internal
  public static float[] of(VectorOps ops, Factors y, ParallelRunner runner) {
    return new Gram(y.rows, y.stride).compute(ops, y, runner);
  }

  /**
   * YᵀY of {@code y} (which must have the row count and stride this instance was made for), in an
   * array this instance owns and overwrites on the next call.
   */
  public float[] compute(VectorOps ops, Factors y, ParallelRunner runner) {
    if (y.rows != rows || y.stride != kp) {
      throw new IllegalArgumentException("Gram buffers for " + rows + " rows of stride " + kp
          + " cannot take " + y.rows + " rows of stride " + y.stride);
    }
    this.ops = ops;
    this.y = y;
    try {
      runner.run(partial.length, blockTask);
    } finally {
      this.ops = null;
      this.y = null;
    }
    float[] g = partial[0];
    for (int blk = 1; blk < partial.length; blk++) {
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

  private void accumulateBlock(int blk) {
    float[] p = partial[blk];
    Arrays.fill(p, 0f);
    int end = Math.min(rows, (blk + 1) * blockRows);
    for (int start = blk * blockRows; start < end; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, end - start);
      ops.rankUpdate(y.data, y.rowStart(start), y.data, y.rowStart(start), n, kp, p, 0, 0);
    }
  }
}
