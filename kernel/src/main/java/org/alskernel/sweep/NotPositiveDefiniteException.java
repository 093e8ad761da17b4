package org.alskernel.sweep;

/**
 * A row's normal equations could not be solved: the system is not positive definite (for example
 * λ = 0 and a rank-deficient row) or the solution is not finite. Raised instead of returning NaN factors.
 */
public final class NotPositiveDefiniteException extends ArithmeticException {
  private static final long serialVersionUID = 1L;
  private final String side;
  private final int row;

  NotPositiveDefiniteException(String side, int row, float lambda, String detail) {
    super("cannot solve the " + side + " system of row " + row + " with lambda = " + lambda + ": "
        + detail + " (a larger lambda makes every system positive definite)");
    this.side = side;
    this.row = row;
  }

  /** "user" or "item". */
  public String side() {
    return side;
  }

  /** The row index on that side. */
  public int row() {
    return row;
  }
}
