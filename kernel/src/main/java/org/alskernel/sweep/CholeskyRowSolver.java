package org.alskernel.sweep;

import org.alskernel.linalg.Factors;
import org.alskernel.linalg.InterleavedBatch;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.linalg.SystemSolver;
import org.alskernel.simd.VectorOps;

/**
 * The exact solve: build each row's normal equations and factor them. For k ≤ {@link
 * SystemSolver#BATCHED_MAX_K} rows are built straight into the lanes of an {@link InterleavedBatch}
 * and solved a full batch at a time; above, one at a time by the blocked Cholesky.
 */
final class CholeskyRowSolver implements RowSolver {
  private final VectorOps ops;
  private final RowWorkspace ws;
  private final boolean aligned;
  private final int[] laneRows;
  private SystemSolver solver;

  CholeskyRowSolver(VectorOps ops, RowWorkspace ws, boolean aligned) {
    this.ops = ops;
    this.ws = ws;
    this.aligned = aligned;
    this.laneRows = new int[ops.lanes()];
  }

  @Override
  public void solve(RowProblem problem, int r, Factors current, Factors out) {
    SystemSolver s = solverFor(out);
    InterleavedBatch batch = s.batch();
    if (batch != null) { // built straight into the next lane: no copy
      NormalEquations.build(ops, problem, r, ws, batch.buffer(), batch.nextSystem(), batch.buffer(),
          batch.nextRhs());
      laneRows[batch.size()] = r;
      batch.addBuilt();
      if (batch.isFull()) {
        finish(problem, out);
      }
      return;
    }
    NormalEquations.build(ops, problem, r, ws);
    int pivot = s.solveOne(ws);
    if (pivot >= 0) {
      throw Solutions.notPositiveDefinite(problem, r, pivot);
    }
    System.arraycopy(ws.b, 0, out.data, out.rowStart(r), out.unknowns());
    Solutions.requireFinite(problem, out, r);
  }

  @Override
  public void finish(RowProblem problem, Factors out) {
    InterleavedBatch batch = solver == null ? null : solver.batch();
    if (batch == null || batch.size() == 0) {
      return;
    }
    int failed = batch.solve();
    if (failed >= 0) {
      int pivot = batch.failedPivot(failed);
      batch.clear();
      throw Solutions.notPositiveDefinite(problem, laneRows[failed], pivot);
    }
    for (int lane = 0; lane < batch.size(); lane++) {
      batch.solution(lane, out.data, out.rowStart(laneRows[lane]));
      Solutions.requireFinite(problem, out, laneRows[lane]);
    }
    batch.clear();
  }

  @Override
  public void reset() {
    if (solver != null && solver.batch() != null) {
      solver.batch().clear();
    }
  }

  /** The solver for {@code out}'s unknowns (k, or k + 1 biased), made once. */
  private SystemSolver solverFor(Factors out) {
    if (solver == null || solver.unknowns() != out.unknowns()) {
      solver = new SystemSolver(ops, out.unknowns(), out.stride, aligned);
    }
    return solver;
  }
}
