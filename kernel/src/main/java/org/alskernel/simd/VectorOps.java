package org.alskernel.simd;

/**
 * The float kernels the ALS builders and solvers are made of. Two implementations: {@link ScalarOps}
 * (plain Java) and {@code PanamaVectorOps} (jdk.incubator.vector); {@link VectorOpsProvider} picks one.
 *
 * <p>Layout conventions: a "packed row" is {@code kp} contiguous floats where {@code kp =
 * paddedStride(k)} and the padding is zero. A k×k matrix is stored row-major with row stride {@code
 * kp}. Only the kernels that say so need {@code kp} to be a multiple of {@link #lanes()}; the others
 * take any length.
 */
public interface VectorOps {

  /** Float lanes per vector (1 for the scalar implementation). */
  int lanes();

  /** A human-readable name for logs and reports, e.g. "vector 512-bit". */
  String name();

  /** The row stride to use for k-vectors: k rounded up to a whole number of vectors. */
  default int paddedStride(int k) {
    int l = lanes();
    return (k + l - 1) / l * l;
  }

  /** Σ a[ao+i]·b[bo+i] for i in [0, n). */
  float dot(float[] a, int ao, float[] b, int bo, int n);

  /** y[yo+i] += alpha·x[xo+i] for i in [0, n). */
  void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

  /**
   * Products of rows of a matrix with one vector: {@code out[j] = row(rows[from + j]) · x} for j in
   * [0, count), where row r is {@code data[base + r·kp .. base + (r+1)·kp)} and the sums run over all
   * kp columns (padding included). The rows are picked by index so that a sparse row's neighbours are
   * read in place; pass 0, 1, 2, … for contiguous rows. {@code kp} must be a multiple of {@link
   * #lanes()}.
   */
  void rowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x, float[] out);

  /**
   * A combination of rows of a matrix (picked as in {@link #rowDots}) added to a vector: {@code acc +=
   * Σ_j coef[j]·row(rows[from + j])} over all kp columns, applied in order j = 0, 1, …. With the rows
   * of a symmetric matrix this is a matrix-vector product. {@code kp} must be a multiple of {@link
   * #lanes()}.
   */
  void addRowCombination(float[] data, int base, int[] rows, int from, int count, int kp, float[] coef,
      float[] acc);

  /**
   * Products of one symmetric matrix with several vectors: for b in [0, count), {@code out_b =
   * Σ_{i<d} v_b[i]·m_i} over all kp columns, where {@code m_i = m[i·kp ..]} is row i of a kp×kp
   * matrix, {@code v_b = v[vo + b·kp ..]} and {@code out_b = out[oo + b·kp ..]} (overwritten). Each
   * column of each out_b is summed over i = 0, 1, … from zero, whatever {@code count} is, so a
   * vector's product does not depend on the vectors computed with it. Reading m once for several
   * vectors is what makes conjugate gradient's G·p a matrix-matrix product. {@code kp} must be a
   * multiple of {@link #lanes()}.
   */
  void symmetricProducts(float[] m, int kp, int d, float[] v, int vo, int count, float[] out, int oo);

  /**
   * Packs the rows a normal-equation build needs, in one pass over the gathered rows: for j in [0,
   * count), with {@code y_j = data[base + rows[from + j]·kp ..]}, writes {@code y_j} to {@code
   * packed[po + j·kp ..]}, {@code w[j]·y_j} to {@code weighted[wo + j·kp ..]}, and adds {@code
   * t[j]·y_j} to {@code b[bo .. bo + kp)} (added in order j = 0, 1, …). {@code data} may be {@code
   * packed} itself with {@code base = po} and rows 0, 1, 2, … (rows already gathered). {@code kp}
   * must be a multiple of {@link #lanes()}.
   */
  void packWeighted(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bo);

  /**
   * Symmetric rank-{@code count} update of the upper triangle: for every packed row j in [0, count),
   * {@code A += wrows_j ⊗ rows_j}, where {@code rows_j = rows[ro + j·kp ..]} and {@code wrows_j =
   * wrows[wo + j·kp ..]} (typically {@code w_j·rows_j}; pass the same array for plain YᵀY).
   *
   * <p>A is kp×kp row-major from {@code a[ao]}; every entry (r, c) with {@code r ≥ fromRow} and c ≥ r is updated;
   * entries below the diagonal may be updated too, and callers must not rely on them. Rows above
   * {@code fromRow} are not touched, so {@code rows} may be rows of {@code a} above it (the blocked
   * Cholesky's trailing update). {@code kp} must be a multiple of {@link #lanes()} and {@code fromRow}
   * a multiple of 4.
   */
  void rankUpdate(float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao,
      int fromRow);

  /**
   * Factors (A = UᵀU) and solves {@link #lanes()} independent k×k systems at once, lane j holding
   * system j, so that a small solve keeps every vector lane busy. Element (r, c) of system j is at
   * {@code buf[t + (r·k + c)·lanes + j]} (only c ≥ r is read; below the diagonal is scratch), element
   * i of its right-hand side at {@code buf[rhs + i·lanes + j]}, which becomes the solution. (One array
   * for both, so that both can sit on vector boundaries: {@code AlignedFloats}.)
   *
   * @param failedPivot per lane on return: -1, or the first pivot that was not positive (that lane's
   *     result is then meaningless; the other lanes are unaffected)
   */
  void factorSolveInterleaved(float[] buf, int t, int rhs, int k, int[] failedPivot);

  /**
   * Transposes one {@link #lanes()}×{@link #lanes()} tile: row j is read from {@code src[srcOffset +
   * j·srcStride ..]} ({@link #lanes()} floats, all read), and its element c is written to {@code
   * dst[dstOffset + c·dstStride + j]} for c &lt; {@code columns} only. This is how systems move into and
   * out of the lanes of {@link #factorSolveInterleaved} a tile at a time.
   */
  void transposeTile(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int dstStride,
      int columns);
}
