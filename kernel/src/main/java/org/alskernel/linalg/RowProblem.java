package org.alskernel.linalg;

import org.alskernel.data.CsrMatrix;

/**
 * What the rows of one block solve: each row u of {@code rows} (its entries' columns are rows of
 * {@code other}) has the normal equations
 *
 * <pre>  A_u = β·G + Σ_j w_j·y_j y_jᵀ + λ_u·I        b_u = β·g + Σ_j t_j·y_j</pre>
 *
 * with β, λ_u and (w_j, t_j) from the side's {@link RowTerms} and (G, g) shared by every row of the
 * half-sweep. A block may be a slice of a side: its row r is the side's row {@link #id id(r)}, which
 * is what the entry weights and messages see.
 */
public final class RowProblem {
  public final RowTerms terms;
  public final CsrMatrix rows;
  private final int[] rowIds;
  /** The shared matrix G (kp×kp, zero outside the unknowns), or null when β = 0. */
  public final float[] gram;
  /** The shared vector g, or null for none. */
  public final float[] gramRhs;
  /** The other side's factors; biased when the model is. */
  public final Factors other;

  /**
   * @param rowIds the side's row of each block row, or null when the block is the whole side
   */
  public RowProblem(RowTerms terms, CsrMatrix rows, int[] rowIds, float[] gram, float[] gramRhs,
      Factors other) {
    if (rowIds != null && rowIds.length != rows.rows()) {
      throw new IllegalArgumentException(rowIds.length + " row ids for a block of " + rows.rows()
          + " rows");
    }
    if (rows.cols() > other.rows) {
      throw new IllegalArgumentException("the block's rows have " + rows.cols() + " columns but the"
          + " other side has " + other.rows + " factor rows");
    }
    this.terms = terms;
    this.rows = rows;
    this.rowIds = rowIds;
    this.gram = gram;
    this.gramRhs = gramRhs;
    this.other = other;
  }

  /** The side's row that block row {@code r} is. */
  public int id(int r) {
    return rowIds == null ? r : rowIds[r];
  }

  /** λ_u of block row r ({@link RowTerms#lambdaFor}). */
  public float lambda(int r) {
    return terms.lambdaFor(rows.rowLength(r));
  }

  /** Whether the shared terms enter A and b (β ≠ 0 and G given). */
  public boolean shared() {
    return gram != null && terms.beta() != 0f;
  }

  /**
   * Whether row r's solution is exactly 0 without solving: it has no entries and no shared
   * right-hand side adds to b (its system is then λ·I x = 0).
   */
  public boolean solvesToZero(int r) {
    return rows.rowLength(r) == 0 && !(gramRhs != null && shared());
  }

  /** The unknowns of every row: k, or k + 1 with the bias. */
  public int unknowns() {
    return other.unknowns();
  }
}
