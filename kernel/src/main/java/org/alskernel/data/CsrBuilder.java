package org.alskernel.data;

import java.util.Arrays;

/**
 * Builds a {@link CsrMatrix} from (row, column, value) triplets.
 *
 * <p>Duplicate (row, column) pairs are <b>summed</b>, in the order they were added. The shape is taken
 * from the data (largest index + 1) unless given to {@link #build(int, int)}. Each triplet is checked
 * as it is added: a negative index or a NaN or infinite value is refused with an {@link
 * IllegalArgumentException} naming the entry (its position among the added triplets, its row, column
 * and value). The builder holds the triplets in primitive arrays (12 bytes each): no boxing.
 */
public final class CsrBuilder {
  private int[] rowIdx;
  private int[] colIdx;
  private float[] vals;
  private int size;
  private int maxRow = -1;
  private int maxCol = -1;

  /** Largest array length the JVM reliably allocates. */
  private static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

  public CsrBuilder() {
    this(16);
  }

  public CsrBuilder(int expectedEntries) {
    int capacity = Math.max(16, expectedEntries);
    rowIdx = new int[capacity];
    colIdx = new int[capacity];
    vals = new float[capacity];
  }

  /** Adds one entry; see the class comment for what is refused. */
  public CsrBuilder add(int row, int col, float value) {
    if (row < 0 || col < 0 || !Float.isFinite(value)) {
      String what = row < 0 ? "negative row index" : col < 0 ? "negative column index" : "non-finite value";
      throw new IllegalArgumentException(
          what + " in entry " + size + ": row=" + row + ", column=" + col + ", value=" + value);
    }
    if (size == rowIdx.length) {
      // grow by half, computed in long so that a builder past ~1.4 billion entries does not wrap
      int capacity = (int) Math.min(MAX_ENTRIES, size + (long) (size >> 1));
      if (capacity == size) {
        throw new IllegalStateException("builder is full at " + size + " entries");
      }
      rowIdx = Arrays.copyOf(rowIdx, capacity);
      colIdx = Arrays.copyOf(colIdx, capacity);
      vals = Arrays.copyOf(vals, capacity);
    }
    rowIdx[size] = row;
    colIdx[size] = col;
    vals[size] = value;
    size++;
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
    return this;
  }

  /** Number of triplets added so far (duplicates counted separately). */
  public int size() {
    return size;
  }

  /** Builds with the shape taken from the data: (largest row + 1) × (largest column + 1). */
  public CsrMatrix build() {
    if (maxRow == Integer.MAX_VALUE || maxCol == Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "largest index (row " + maxRow + ", column " + maxCol + ") + 1 does not fit in an int shape");
    }
    return build(maxRow + 1, maxCol + 1);
  }

  /**
   * Builds a {@code rows × cols} matrix.
   *
   * @throws IllegalArgumentException if an entry lies outside the shape (naming it), or if summing
   *     duplicates overflows to infinity (naming the row and column)
   */
  public CsrMatrix build(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    if (rows == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rows must be below " + Integer.MAX_VALUE + ": indptr needs rows + 1");
    }
    for (int e = 0; e < size; e++) {
      if (rowIdx[e] >= rows || colIdx[e] >= cols) {
        throw new IllegalArgumentException(
            "entry " + e + " (row=" + rowIdx[e] + ", column=" + colIdx[e] + ", value=" + vals[e]
                + ") lies outside the declared shape " + rows + "x" + cols);
      }
    }
    // Stable counting sort by column, then by row: the result is ordered by (row, column) with
    // duplicates adjacent and in insertion order, so their sum does not depend on anything else.
    // The column pass is bounded by the largest column present, not the declared cols: a wide declared
    // shape (say 10 x 2e9) must not cost an O(cols) counting array.
    int[] byCol = countingOrder(colIdx, maxCol + 1, identity(size));
    int[] order = countingOrder(rowIdx, rows, byCol);

    int[] indptr = new int[rows + 1];
    int[] indices = new int[size];
    float[] values = new float[size];
    int nnz = 0;
    int lastRow = -1;
    int lastCol = -1;
    for (int e : order) {
      int r = rowIdx[e];
      int c = colIdx[e];
      if (r == lastRow && c == lastCol) {
        float sum = values[nnz - 1] + vals[e];
        if (!Float.isFinite(sum)) {
          throw new IllegalArgumentException(
              "summing duplicate entries at row " + r + ", column " + c + " overflows to " + sum);
        }
        values[nnz - 1] = sum;
      } else {
        indices[nnz] = c;
        values[nnz] = vals[e];
        indptr[r + 1]++;
        nnz++;
        lastRow = r;
        lastCol = c;
      }
    }
    for (int r = 0; r < rows; r++) {
      indptr[r + 1] += indptr[r];
    }
    return CsrMatrix.of(rows, cols, indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz));
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  /** Reorders {@code order} stably by {@code key[order[i]]}, keys in [0, bound). */
  private static int[] countingOrder(int[] key, int bound, int[] order) {
    int[] start = new int[bound + 1];
    for (int e : order) start[key[e] + 1]++;
    for (int k = 0; k < bound; k++) start[k + 1] += start[k];
    int[] out = new int[order.length];
    for (int e : order) out[start[key[e]]++] = e;
    return out;
  }
}
