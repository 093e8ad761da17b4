package org.alskernel.sweep;

import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.simd.VectorOps;

/** A fixed number of {@link ConjugateGradient} steps per row, from the row's current solution. */
final class ConjugateGradientRowSolver implements RowSolver {
  private final ConjugateGradient cg;
  private final int steps;

  ConjugateGradientRowSolver(VectorOps ops, RowWorkspace ws, int steps) {
    this.cg = new ConjugateGradient(ops, ws);
    this.steps = steps;
  }

  @Override
  public void solve(RowProblem problem, int r, Factors current, Factors out) {
    cg.solve(problem, r, steps, current.data, current.rowStart(r));
    System.arraycopy(cg.solution(), 0, out.data, out.rowStart(r), out.unknowns());
    Solutions.requireFinite(problem, out, r);
  }

  @Override
  public void finish(RowProblem problem, Factors out) {}

  @Override
  public void reset() {}
}
