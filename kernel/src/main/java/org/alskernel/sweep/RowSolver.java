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

  /**
   * Whether block row {@code r} is one of the rows this solver solves in groups of {@link
   * #groupSize()}, apart from the others: a sweep gives it those rows last, a group at a time. The
   * answer depends on the row alone.
   */
  default boolean grouped(RowProblem problem, int r) {
    return false;
  }

  /** How many {@link #grouped} rows this solver solves together. */
  default int groupSize() {
    return 1;
  }

  /** Forgets queued rows, e.g. of a sweep that was stopped half-way. */
  void reset();
}
