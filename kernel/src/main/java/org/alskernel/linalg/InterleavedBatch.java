package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Up to {@code lanes} row systems solved together by {@link VectorOps#factorSolveInterleaved}: each
 * system is built alone (into a {@link RowWorkspace}), copied into its lane, and after the batched
 * factor-and-solve its solution is copied out. Small k×k solves are latency-bound one at a time; with
 * one system per lane every vector instruction does {@code lanes} systems' work.
 *
 * <p>{@link #add} only copies the system's upper triangle, row by row, into the lane's own staging
 * area; {@link #solve} then moves all lanes into the interleaved layout a tile of lanes×lanes at a
 * time ({@link VectorOps#transposeTile}) and the solutions back out the same way. Writing each system
 * straight into its lane took one scalar store per element, every one to a different cache line:
 * about as long as the factorisation itself at k = 64.
 */
public final class InterleavedBatch {
  private final VectorOps ops;
  private final int k;
  private final int lanes;
  /** k rounded up to whole tiles. */
  private final int kpad;
  /** Staged row r of a lane starts at rowStart[r] and holds columns [tileStart(r), kpad). */
  private final int[] rowStart;
  /** Per lane: the staged rows, then the right-hand side (kpad floats). */
  private final int laneSize;
  /**
   * One array holds the staged lanes, the interleaved systems t, their right-hand sides and the
   * solutions, each part starting a whole number of vectors after {@link AlignedFloats#OFFSET}.
   */
  private final float[] buffer;
  private final int staged;
  private final int t;
  private final int rhs;
  /** Lane j's solution at solutions + [j·kpad, j·kpad + k). */
  private final int solutions;
  private final int[] failedPivot;
  private int size;

  /**
   * @param aligned whether to place the batch on vector boundaries ({@link AlignedFloats}): worth it
   *     for a worker that solves many batches, not for one fold-in; the results are the same
   */
  public InterleavedBatch(VectorOps ops, int k, boolean aligned) {
    this.ops = ops;
    this.k = k;
    this.lanes = ops.lanes();
    this.kpad = ops.paddedStride(k);
    this.rowStart = new int[k + 1];
    for (int r = 0; r < k; r++) {
      rowStart[r + 1] = rowStart[r] + kpad - tileStart(r);
    }
    this.laneSize = rowStart[k] + kpad;
    int start = aligned ? AlignedFloats.OFFSET : 0;
    this.staged = start;
    this.t = staged + lanes * laneSize;
    this.rhs = t + (k * k + kpad) * lanes; // + one row's tile overhang past the last row
    this.solutions = rhs + kpad * lanes;
    int length = solutions + lanes * kpad;
    this.buffer = aligned ? AlignedFloats.allocate(length - start) : new float[length];
    this.failedPivot = new int[lanes];
  }

  /** The first column of the tile that holds diagonal element r. */
  private int tileStart(int r) {
    return r / lanes * lanes;
  }

  /** Systems added since the last {@link #clear()}. */
  public int size() {
    return size;
  }

  public boolean isFull() {
    return size == lanes;
  }

  public void clear() {
    size = 0;
  }

  /** Copies the upper triangle of {@code a} (stride kp) and {@code b} into the next lane. */
  public void add(float[] a, float[] b, int kp) {
    int base = staged + size++ * laneSize;
    for (int r = 0; r < k; r++) {
      System.arraycopy(a, r * kp + r, buffer, base + rowStart[r] + r - tileStart(r), k - r);
    }
    System.arraycopy(b, 0, buffer, base + rowStart[k], k);
  }

  /**
   * Factors and solves every lane (lanes past {@link #size()} hold stale systems whose results are
   * ignored).
   *
   * @return the first lane below {@link #size()} whose system was not positive definite, or -1
   */
  public int solve() {
    interleave();
    ops.factorSolveInterleaved(buffer, t, rhs, k, failedPivot);
    for (int i = 0; i < k; i += lanes) {
      ops.transposeTile(buffer, rhs + i * lanes, lanes, buffer, solutions + i, kpad, lanes);
    }
    for (int lane = 0; lane < size; lane++) {
      if (failedPivot[lane] >= 0) {
        return lane;
      }
    }
    return -1;
  }

  /**
   * Staged lanes into t and rhs: row r's columns [c, c + lanes) of every lane become the vectors of
   * elements (r, c..c+lanes). Tiles are always whole (a partial one is slower): the columns of the
   * last tile past k overhang into the first columns of row r+1, which is written afterwards and
   * overwrites them from its own diagonal tile on; what it leaves is below its diagonal (scratch).
   */
  private void interleave() {
    for (int r = 0; r < k; r++) {
      int from = tileStart(r);
      for (int c = from; c < k; c += lanes) {
        ops.transposeTile(buffer, staged + rowStart[r] + c - from, laneSize, buffer,
            t + (r * k + c) * lanes, lanes, lanes);
      }
    }
    for (int i = 0; i < k; i += lanes) {
      ops.transposeTile(buffer, staged + rowStart[k] + i, laneSize, buffer, rhs + i * lanes, lanes, lanes);
    }
  }

  /** The pivot at which {@code lane} failed, after {@link #solve()}. */
  public int failedPivot(int lane) {
    return failedPivot[lane];
  }

  /** Copies lane {@code lane}'s solution into {@code out[offset .. offset+k)}. */
  public void solution(int lane, float[] out, int offset) {
    System.arraycopy(buffer, solutions + lane * kpad, out, offset, k);
  }
}
