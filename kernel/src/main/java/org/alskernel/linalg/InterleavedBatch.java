package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Up to {@code lanes} row systems solved together by {@link VectorOps#factorSolveInterleaved}: each
 * system is built alone (into a {@link RowWorkspace}), copied into its lane, and after the batched
 * factor-and-solve its solution is copied out. Small k×k solves are latency-bound one at a time; with
 * one system per lane every vector instruction does {@code lanes} systems' work.
 */
public final class InterleavedBatch {
  private final VectorOps ops;
  private final int k;
  private final int lanes;
  private final float[] t;
  private final float[] rhs;
  private final int[] failedPivot;
  private int size;

  public InterleavedBatch(VectorOps ops, int k) {
    this.ops = ops;
    this.k = k;
    this.lanes = ops.lanes();
    this.t = new float[k * k * lanes];
    this.rhs = new float[k * lanes];
    this.failedPivot = new int[lanes];
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
    int lane = size++;
    int row = k * lanes;
    for (int r = 0; r < k; r++) {
      for (int c = r, o = r * row + r * lanes + lane; c < k; c++, o += lanes) {
        t[o] = a[r * kp + c];
      }
      rhs[r * lanes + lane] = b[r];
    }
  }

  /**
   * Factors and solves every lane (lanes past {@link #size()} hold stale systems whose results are
   * ignored).
   *
   * @return the first lane below {@link #size()} whose system was not positive definite, or -1
   */
  public int solve() {
    ops.factorSolveInterleaved(t, rhs, k, failedPivot);
    for (int lane = 0; lane < size; lane++) {
      if (failedPivot[lane] >= 0) {
        return lane;
      }
    }
    return -1;
  }

  /** The pivot at which {@code lane} failed, after {@link #solve()}. */
  public int failedPivot(int lane) {
    return failedPivot[lane];
  }

  /** Copies lane {@code lane}'s solution into {@code out[offset .. offset+k)}. */
  public void solution(int lane, float[] out, int offset) {
    for (int r = 0; r < k; r++) {
      out[offset + r] = rhs[r * lanes + lane];
    }
  }
}
