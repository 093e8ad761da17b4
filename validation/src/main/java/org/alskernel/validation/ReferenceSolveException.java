package org.alskernel.validation;

/**
 * The reference could not solve a row's system: LAPACK {@code dposv} found it not positive definite
 * (for example λ = 0 and a rank-deficient row). Names the side, the row and λ.
 */
public final class ReferenceSolveException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final ReferenceImplicitAls.Side side;
  private final int row;

  public ReferenceSolveException(ReferenceImplicitAls.Side side, int row, double lambda, String detail) {
    super("reference: cannot solve the " + (side == null ? "?" : side.label()) + " system of row "
        + row + " with lambda = " + lambda + ": " + detail);
    this.side = side;
    this.row = row;
  }

  /** The side of the failing row (may be null when solving a free-standing system). */
  public ReferenceImplicitAls.Side side() {
    return side;
  }

  /** The failing row. */
  public int row() {
    return row;
  }
}
