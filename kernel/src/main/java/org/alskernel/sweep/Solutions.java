package org.alskernel.sweep;

import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;

/** What every row solver checks of a solution before it counts. */
final class Solutions {
  private Solutions() {}

  static NotPositiveDefiniteException notPositiveDefinite(RowProblem problem, int r, int pivot) {
    return new NotPositiveDefiniteException(problem.terms.side(), problem.id(r), problem.lambda(r),
        "pivot " + pivot + " of " + problem.unknowns() + " unknowns is not positive");
  }

  /** Throws naming the row and unknown if row r's solution in {@code out} has a non-finite entry. */
  static void requireFinite(RowProblem problem, Factors out, int r) {
    for (int f = 0, o = out.rowStart(r); f < out.unknowns(); f++) {
      if (!Float.isFinite(out.data[o + f])) {
        throw new NotPositiveDefiniteException(problem.terms.side(), problem.id(r),
            problem.lambda(r), "the solution has a non-finite entry " + out.data[o + f]
                + " at unknown " + f);
      }
    }
  }
}
