package org.alskernel.sweep;

import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.DenseRows;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.simd.VectorOps;

/**
 * A fixed number of {@link ConjugateGradient} steps per row, from the row's current solution: rows
 * queued and solved a few at a time ({@link ConjugateGradient#rowsTogether}), and {@link DenseRows
 * dense} rows a {@link ConjugateGradient#blocked blocked} group at a time.
 */
final class ConjugateGradientRowSolver implements RowSolver {
  private final ConjugateGradient few;
  private final ConjugateGradient dense;
  private final DenseRows denseRows;
  private final int steps;

  ConjugateGradientRowSolver(VectorOps ops, RowWorkspace ws, int steps, DenseRows denseRows) {
    this.few = new ConjugateGradient(ops, ws);
    this.dense = ConjugateGradient.blocked(ops, ws, denseRows);
    this.denseRows = denseRows;
    this.steps = steps;
  }

  @Override
  public void solve(RowProblem problem, int r, Factors current, Factors out) {
    ConjugateGradient cg = grouped(problem, r) ? dense : few;
    cg.add(problem, r, current.data, current.rowStart(r)); // the start is copied now
    if (cg.isFull()) {
      finish(cg, problem, out);
    }
  }

  @Override
  public void finish(RowProblem problem, Factors out) {
    finish(few, problem, out);
    finish(dense, problem, out);
  }

  private void finish(ConjugateGradient cg, RowProblem problem, Factors out) {
    if (cg.size() == 0) {
      return;
    }
    try {
      cg.solve(steps);
      for (int q = 0; q < cg.size(); q++) {
        int r = cg.row(q);
        cg.solution(q, out.data, out.rowStart(r));
        Solutions.requireFinite(problem, out, r);
      }
    } finally {
      cg.clear();
    }
  }

  @Override
  public boolean grouped(RowProblem problem, int r) {
    return denseRows.includes(problem, r);
  }

  @Override
  public int groupSize() {
    return denseRows.group();
  }

  @Override
  public void reset() {
    few.clear();
    dense.clear();
  }
}
