package org.alskernel.sweep;

import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.simd.VectorOps;

/**
 * A fixed number of {@link ConjugateGradient} steps per row, from the row's current solution, rows
 * queued and solved {@link ConjugateGradient#ROWS} at a time.
 */
final class ConjugateGradientRowSolver implements RowSolver {
  private final ConjugateGradient cg;
  private final int steps;

  ConjugateGradientRowSolver(VectorOps ops, RowWorkspace ws, int steps) {
    this.cg = new ConjugateGradient(ops, ws);
    this.steps = steps;
  }

  @Override
  public void solve(RowProblem problem, int r, Factors current, Factors out) {
    cg.add(problem, r, current.data, current.rowStart(r)); // the start is copied now
    if (cg.isFull()) {
      finish(problem, out);
    }
  }

  @Override
  public void finish(RowProblem problem, Factors out) {
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
  public void reset() {
    cg.clear();
  }
}
