package org.alskernel.data;

import java.util.Arrays;
import org.alskernel.parallel.ParallelRunner;

/**
 * A sparse matrix in compressed sparse row (CSR) layout with float values.
 *
 * <p>Invariants, checked by {@link #validate()} (every factory method calls it):
 *
 * <ul>
 *   <li>{@code indptr.length == rows + 1}, {@code indptr[0] == 0}, {@code indptr[rows] == nnz}, and
 *       {@code indptr} is non-decreasing;
 *   <li>row {@code r}'s entries are {@code indices[indptr[r] .. indptr[r+1]-1]} with values at the same
 *       positions; within a row the column indices are in {@code [0, cols)} and strictly increasing;
 *   <li>every value is finite.
 * </ul>
 *
 * <p>Empty rows and columns are legal. The CSC layout of a matrix is the CSR layout of its {@link
 * #transpose()}: the item side of a user×item matrix is {@code users.transpose()}.
 *
 * <p>Memory: 8 bytes per nonzero (int index + float value) plus 4 bytes per row. The arrays are shared,
 * not copied: callers must not modify them after construction.
 */
public final class CsrMatrix {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] values;

  private CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
  }

  /**
   * Wraps existing CSR arrays after checking every invariant.
   *
   * @throws IllegalArgumentException naming the first violated invariant and where it is
   */
  public static CsrMatrix of(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    if (indptr == null || indices == null || values == null) {
      throw new IllegalArgumentException("indptr, indices and values must not be null");
    }
    CsrMatrix m = new CsrMatrix(rows, cols, indptr, indices, values);
    m.validate();
    return m;
  }

  /** Checks every invariant listed in the class comment. */
  public void validate() {
    // long: rows + 1 overflows int for rows == Integer.MAX_VALUE
    if (indptr.length != (long) rows + 1) {
      throw new IllegalArgumentException(
          "indptr has length " + indptr.length + ", expected rows + 1 = " + ((long) rows + 1));
    }
    if (indptr[0] != 0) {
      throw new IllegalArgumentException("indptr[0] is " + indptr[0] + ", expected 0");
    }
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices has length " + indices.length + " but values has " + values.length);
    }
    if (indptr[rows] != indices.length) {
      throw new IllegalArgumentException(
          "indptr[" + rows + "] is " + indptr[rows] + ", expected nnz = " + indices.length);
    }
    // The whole of indptr is checked before any row is scanned: with indptr[0] == 0 and
    // indptr[rows] == nnz, monotonicity keeps every row inside [0, nnz), so an interior pointer
    // beyond nnz is reported as a decrease instead of escaping as an ArrayIndexOutOfBoundsException.
    for (int r = 0; r < rows; r++) {
      if (indptr[r + 1] < indptr[r]) {
        throw new IllegalArgumentException(
            "indptr decreases at row " + r + ": indptr[" + r + "]=" + indptr[r] + " > indptr["
                + (r + 1) + "]=" + indptr[r + 1]);
      }
    }
    for (int r = 0; r < rows; r++) {
      int previous = -1;
      for (int p = indptr[r], end = indptr[r + 1]; p < end; p++) {
        int c = indices[p];
        if (c < 0 || c >= cols) {
          throw new IllegalArgumentException(
              "column index " + c + " out of range [0, " + cols + ") at row " + r + ", entry " + p);
        }
        if (c <= previous) {
          throw new IllegalArgumentException(
              "column indices not strictly increasing in row " + r + " at entry " + p + ": " + previous
                  + " then " + c);
        }
        if (!Float.isFinite(values[p])) {
          throw new IllegalArgumentException(
              "value " + values[p] + " is not finite at row " + r + ", column " + c + ", entry " + p);
        }
        previous = c;
      }
    }
  }

  /**
   * The transpose, in O(nnz + rows + cols) by a counting sort on the column index. Within each row of
   * the result, indices come out increasing because the source rows are visited in order, so
   * {@code m.transpose().transpose()} equals {@code m} bit for bit.
   */
  public CsrMatrix transpose() {
    return transpose(new ParallelRunner(null));
  }

  /**
   * The transpose, its scatter run as tasks on {@code runner}: each task owns a range of result rows
   * (source columns) holding about an equal share of the entries, reads every entry and writes its
   * own in source row order, so the result is the same bit for bit for any number of tasks. Small
   * matrices are transposed in one task.
   */
  public CsrMatrix transpose(ParallelRunner runner) {
    return transpose(runner, indices.length < SPLIT_TRANSPOSE_ENTRIES ? 1 : runner.workers());
  }

  /**
   * Entries from this many on are transposed in one task per worker. Below it the scatter's writes
   * mostly hit cache and one pass is as fast; far above it each write misses cache and TLB, and
   * tasks writing disjoint parts side by side overlap those misses (docs/design.md, "At 500M
   * nonzeros").
   */
  private static final int SPLIT_TRANSPOSE_ENTRIES = 1 << 24;

  /** The transpose in {@code parts} tasks (for tests: the result does not depend on the count). */
  CsrMatrix transpose(ParallelRunner runner, int parts) {
    int nnz = indices.length;
    int[] tIndptr = new int[cols + 1];
    for (int p = 0; p < nnz; p++) {
      tIndptr[indices[p] + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      tIndptr[c + 1] += tIndptr[c];
    }
    int[] tIndices = new int[nnz];
    float[] tValues = new float[nnz];
    int[] bounds = new int[parts + 1];
    for (int i = 1, c = 0; i <= parts; i++) {
      long share = (long) nnz * i / parts;
      while (c < cols && tIndptr[c] < share) {
        c++;
      }
      bounds[i] = i == parts ? cols : c;
    }
    runner.run(parts, i -> scatter(bounds[i], bounds[i + 1], tIndptr, tIndices, tValues));
    return new CsrMatrix(cols, rows, tIndptr, tIndices, tValues);
  }

  /** Writes the transposed entries of source columns [lo, hi), whose slots tIndptr gives. */
  private void scatter(int lo, int hi, int[] tIndptr, int[] tIndices, float[] tValues) {
    int width = hi - lo;
    if (width == 0) {
      return;
    }
    int[] next = Arrays.copyOfRange(tIndptr, lo, hi);
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r], end = indptr[r + 1]; p < end; p++) {
        int c = indices[p] - lo;
        if (Integer.compareUnsigned(c, width) < 0) {
          int q = next[c]++;
          tIndices[q] = r;
          tValues[q] = values[p];
        }
      }
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int nnz() {
    return indices.length;
  }

  /** Number of stored entries in row {@code r}. */
  public int rowLength(int r) {
    return indptr[r + 1] - indptr[r];
  }

  /**
   * Rows [from, to) as a matrix of their own (copied), with the same columns: a block of rows to
   * solve apart from the others.
   */
  public CsrMatrix rowSlice(int from, int to) {
    if (from < 0 || to < from || to > rows) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") not in [0, " + rows + "]");
    }
    int[] ptr = new int[to - from + 1];
    for (int r = from; r <= to; r++) {
      ptr[r - from] = indptr[r] - indptr[from];
    }
    return new CsrMatrix(to - from, cols, ptr,
        java.util.Arrays.copyOfRange(indices, indptr[from], indptr[to]),
        java.util.Arrays.copyOfRange(values, indptr[from], indptr[to]));
  }

  /** How many entries each column stores. */
  public int[] columnCounts() {
    int[] counts = new int[cols];
    for (int p = 0; p < nnz(); p++) {
      counts[indices[p]]++;
    }
    return counts;
  }

  /** The row pointer array (shared, do not modify). */
  public int[] indptr() {
    return indptr;
  }

  /** The column indices (shared, do not modify). */
  public int[] indices() {
    return indices;
  }

  /** The values (shared, do not modify). */
  public float[] values() {
    return values;
  }

  /**
   * The value at (row, col), or 0 when the entry is not stored; binary search within the row.
   *
   * @throws IndexOutOfBoundsException if (row, col) lies outside the shape (an unchecked column would
   *     silently read as 0)
   */
  public float get(int row, int col) {
    if (row < 0 || row >= rows || col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException(
          "(" + row + ", " + col + ") outside the " + rows + "x" + cols + " matrix");
    }
    int p = Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col);
    return p >= 0 ? values[p] : 0f;
  }

  /** Bytes held by the three arrays (array headers excluded). */
  public long footprintBytes() {
    return 4L * indptr.length + 4L * indices.length + 4L * values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsrMatrix m
        && rows == m.rows
        && cols == m.cols
        && Arrays.equals(indptr, m.indptr)
        && Arrays.equals(indices, m.indices)
        && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + "x" + cols + ", nnz=" + nnz() + "]";
  }
}
