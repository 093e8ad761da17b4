package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Up to {@code lanes} row systems solved together by {@link VectorOps#factorSolveInterleaved}: each
 * system is built into its own lane's staging area (or copied there by {@link #add}), and after the
 * batched factor-and-solve its solution is copied out. Small k×k solves are latency-bound one at a
 * time; with one system per lane every vector instruction does {@code lanes} systems' work.
 *
 * <p>A lane's staging area holds its system as the builder leaves it (kp×kp row-major, then the
 * right-hand side); {@link #solve} moves all lanes into the interleaved layout a tile of lanes×lanes at
 * a time ({@link VectorOps#transposeTile}) and the solutions back out the same way. Writing each
 * element straight into the interleaved layout took one scalar store per element, every one to a
 * different cache line: about as long as the factorisation itself at k = 64. Building in place saves
 * a copy into the staging area, 4.4 of 23.4 µs per batch at k = 64 (docs/design.md).
 */
public final class InterleavedBatch {
  private final VectorOps ops;
  private final int k;
  private final int kp;
  private final int lanes;
  /** k rounded up to whole tiles. */
  private final int kpad;
  /** Per lane: the system (kp×kp), then the right-hand side (kp floats). */
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
   * @param kp the row stride of the systems, a multiple of {@code ops.lanes()} and at least k
   * @param aligned whether to place the batch on vector boundaries ({@link AlignedFloats}): worth it
   *     for a worker that solves many batches, not for one fold-in; the results are the same
   */
  public InterleavedBatch(VectorOps ops, int k, int kp, boolean aligned) {
    this.ops = ops;
    this.k = k;
    this.kp = kp;
    this.lanes = ops.lanes();
    this.kpad = ops.paddedStride(k);
    if (kp < kpad || kp % lanes != 0) {
      throw new IllegalArgumentException("stride " + kp + " is not a multiple of " + lanes + " lanes ≥ " + k);
    }
    this.laneSize = kp * kp + kp;
    int start = aligned ? AlignedFloats.OFFSET : 0;
    this.staged = start;
    this.t = staged + lanes * laneSize;
    this.rhs = t + (k * k + kpad) * lanes; // + one row's tile overhang past the last row
    this.solutions = rhs + kpad * lanes;
    int length = solutions + lanes * kpad;
    this.buffer = aligned ? AlignedFloats.allocate(length - start) : new float[length];
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

  /** Copies a built system ({@code a} kp×kp, upper triangle used, and {@code b}) into the next lane. */
  public void add(float[] a, float[] b) {
    System.arraycopy(a, 0, buffer, nextSystem(), kp * kp);
    System.arraycopy(b, 0, buffer, nextRhs(), k);
    addBuilt();
  }

  /**
   * The array that holds the next lane's system: A (kp×kp, upper triangle used) is built at {@link
   * #nextSystem()}, b at {@link #nextRhs()}; then {@link #addBuilt()} queues it.
   */
  public float[] buffer() {
    return buffer;
  }

  public int nextSystem() {
    return staged + size * laneSize;
  }

  public int nextRhs() {
    return nextSystem() + kp * kp;
  }

  /** Queues the system built in the next lane. */
  public void addBuilt() {
    if (size == lanes) {
      throw new IllegalStateException("the batch is full");
    }
    size++;
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
   * elements (r, c..c+lanes), from the tile that holds the diagonal on. Tiles are always whole (a
   * partial one is slower): the columns of the last tile past k overhang into the first columns of
   * row r+1, which is written afterwards and overwrites them from its own diagonal tile on; what it
   * leaves is below its diagonal (scratch).
   */
  private void interleave() {
    for (int r = 0; r < k; r++) {
      for (int c = r / lanes * lanes; c < k; c += lanes) {
        ops.transposeTile(buffer, staged + r * kp + c, laneSize, buffer, t + (r * k + c) * lanes, lanes, lanes);
      }
    }
    for (int i = 0; i < k; i += lanes) {
      ops.transposeTile(buffer, staged + kp * kp + i, laneSize, buffer, rhs + i * lanes, lanes, lanes);
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
