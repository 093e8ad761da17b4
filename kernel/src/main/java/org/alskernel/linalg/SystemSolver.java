package org.alskernel.linalg;

import org.alskernel.simd.VectorOps;

/**
 * Picks how row systems are factored and solved, so that every caller (the sweep, fold-in) gets the
 * same bits for the same system: for k ≤ {@value #BATCHED_MAX_K} through an {@link InterleavedBatch}
 * (one system per vector lane; lanes are independent, so a system solved alone in lane 0 gives the
 * same result as in a full batch), above that one at a time with the blocked {@link Cholesky}.
 * Measured per system (BatchedCholeskyBenchmark / 16 vs CholeskyBenchmark, one run,
 * docs/benchmarks.md): 1.3 vs 5.8 µs at k = 64, 3.9 vs 15.5 at k = 100, 7.6 vs 22.4 at k = 128, 50
 * vs 117 at k = 256. The batch holds its lanes' systems and their interleaved copy, about
 * 2·k²·lanes floats per worker (8 MB at k = 256); above 256, where nothing was measured, systems
 * go one at a time.
 */
public final class SystemSolver {
  public static final int BATCHED_MAX_K = 256;

  private final VectorOps ops;
  private final int k;
  private final InterleavedBatch batch;

  /** @param kp and aligned: see {@link InterleavedBatch#InterleavedBatch(VectorOps, int, int, boolean)} */
  public SystemSolver(VectorOps ops, int k, int kp, boolean aligned) {
    this.ops = ops;
    this.k = k;
    this.batch = k <= BATCHED_MAX_K ? new InterleavedBatch(ops, k, kp, aligned) : null;
  }

  /** The number of unknowns of the systems this solver takes. */
  public int unknowns() {
    return k;
  }

  /** The batch to queue systems into, or null when systems are solved one at a time. */
  public InterleavedBatch batch() {
    return batch;
  }

  /**
   * Solves the system held in {@code ws} alone; the solution replaces {@code ws.b[0..k)}.
   *
   * @return -1, or the pivot at which the system turned out not to be positive definite
   */
  public int solveOne(RowWorkspace ws) {
    int kp = ws.kp;
    if (batch == null) {
      int pivot = Cholesky.factor(ops, ws.a, k, kp, ws.choleskyScratch);
      if (pivot < 0) {
        Cholesky.solve(ops, ws.a, k, kp, ws.b);
      }
      return pivot;
    }
    batch.clear();
    batch.add(ws.a, ws.b);
    int failed = batch.solve();
    int pivot = failed >= 0 ? batch.failedPivot(failed) : -1;
    batch.solution(0, ws.b, 0);
    batch.clear();
    return pivot;
  }
}
