package org.alskernel.sweep;

import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;

/**
 * Solves rows of a {@link RowProblem} into a factor matrix: exactly, or approximately from the row's
 * current solution. One instance per worker, made by its {@link Solver}; it owns that worker's
 * scratch, so solving a row allocates nothing. A solver may queue rows and solve them together (the
 * batched Cholesky fills one system per vector lane): a row's solution is in {@code out} once {@link
 * #finish} returns, and never depends on which rows were queued with it.
 */
public interface RowSolver {

  /**
   * Solves block row {@code r}, or queues it, writing its unknowns at {@code out.rowStart(r)}.
   *
   * @param current the rows' current solutions, where an iterative solver starts (may be {@code out})
   * @throws NotPositiveDefiniteException naming the side, the row and λ, if the row's system cannot
   *     be solved or its solution is not finite
   */
  void solve(RowProblem problem, int r, Factors current, Factors out);

  /** Solves and writes every queued row. */
  void finish(RowProblem problem, Factors out);

  /** Forgets queued rows, e.g. of a sweep that was stopped half-way. */
  void reset();
}
