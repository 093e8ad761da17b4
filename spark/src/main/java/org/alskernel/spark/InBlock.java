package org.alskernel.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.alskernel.data.CsrMatrix;

/**
 * One block's ratings as the kernel solves them: a CSR matrix whose rows are the block's ids in
 * ascending order and whose columns index the other side's factor rows the block needs, gathered in
 * ascending id order. For each block of the other side it also keeps which of those ids that block
 * sends ({@link #needed}) and where each lands among the gathered columns ({@link #columnOf}), so a
 * block's inputs are assembled from what it receives without any lookup by id.
 *
 * <p>A row's entries are in ascending id order, as the in-process trainer's are when its indices
 * follow the ids. Duplicate (row, column) pairs are summed, smallest value first, so the sum does not
 * depend on the order a shuffle delivered them in.
 */
final class InBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The block's rows: their ids, ascending. */
  final long[] ids;
  final int[] indptr;
  final int[] indices;
  final float[] values;
  /** How many of the other side's factor rows the block gathers. */
  final int columns;
  /** For each block of the other side, the ids of its rows this block needs, ascending. */
  final long[][] needed;
  /** For each block of the other side, the gathered column of each of {@link #needed}. */
  final int[][] columnOf;

  private InBlock(long[] ids, int[] indptr, int[] indices, float[] values, int columns,
      long[][] needed, int[][] columnOf) {
    this.ids = ids;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
    this.columns = columns;
    this.needed = needed;
    this.columnOf = columnOf;
  }

  /** The block's ratings as the kernel's CSR matrix. */
  CsrMatrix matrix() {
    return CsrMatrix.of(ids.length, columns, indptr, indices, values);
  }

  /**
   * The block of {@code buffer}'s ratings.
   *
   * @param side "user" or "item", for messages
   * @param other the other side's blocks
   * @throws IllegalArgumentException when duplicate ratings sum to infinity, naming both ids
   */
  static InBlock of(RatingBuffer buffer, String side, Blocks other) {
    int n = buffer.size;
    long[] ids = distinctSorted(buffer.rows, n);
    long[] columnIds = distinctSorted(buffer.cols, n);
    int[] indptr = new int[ids.length + 1];
    int[] rowOf = new int[n];
    for (int e = 0; e < n; e++) {
      rowOf[e] = Arrays.binarySearch(ids, buffer.rows[e]);
      indptr[rowOf[e] + 1]++;
    }
    for (int r = 0; r < ids.length; r++) {
      indptr[r + 1] += indptr[r];
    }
    // Each entry as one sortable key, (column, value) in its high and low halves: sorting a row's
    // keys orders it by column and its duplicates by value.
    long[] keys = new long[n];
    int[] fill = Arrays.copyOf(indptr, ids.length);
    for (int e = 0; e < n; e++) {
      long column = Arrays.binarySearch(columnIds, buffer.cols[e]);
      keys[fill[rowOf[e]]++] = column << 32 | (orderedBits(buffer.values[e]) & 0xffffffffL);
    }
    int[] indices = new int[n];
    float[] values = new float[n];
    int stored = 0;
    int[] packedPtr = new int[ids.length + 1];
    for (int r = 0; r < ids.length; r++) {
      Arrays.sort(keys, indptr[r], indptr[r + 1]);
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int column = (int) (keys[p] >>> 32);
        float value = fromOrderedBits((int) keys[p]);
        if (stored > packedPtr[r] && indices[stored - 1] == column) {
          values[stored - 1] += value;
          if (!Float.isFinite(values[stored - 1])) {
            throw new IllegalArgumentException("the ratings of " + side + " " + ids[r] + " and "
                + (side.equals("user") ? "item " : "user ") + columnIds[column]
                + " sum to " + values[stored - 1]);
          }
        } else {
          indices[stored] = column;
          values[stored++] = value;
        }
      }
      packedPtr[r + 1] = stored;
    }
    long[][] needed = new long[other.numPartitions()][];
    int[][] columnOf = new int[other.numPartitions()][];
    int[] count = new int[needed.length];
    int[] blockOf = new int[columnIds.length];
    for (int c = 0; c < columnIds.length; c++) {
      blockOf[c] = other.blockOf(columnIds[c]);
      count[blockOf[c]]++;
    }
    for (int b = 0; b < needed.length; b++) {
      needed[b] = new long[count[b]];
      columnOf[b] = new int[count[b]];
      count[b] = 0;
    }
    for (int c = 0; c < columnIds.length; c++) {
      int b = blockOf[c];
      needed[b][count[b]] = columnIds[c];
      columnOf[b][count[b]++] = c;
    }
    return new InBlock(ids, packedPtr, Arrays.copyOf(indices, stored),
        Arrays.copyOf(values, stored), columnIds.length, needed, columnOf);
  }

  private static long[] distinctSorted(long[] values, int n) {
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** The float's bits turned so that unsigned integer order is float order. */
  private static int orderedBits(float v) {
    int bits = Float.floatToIntBits(v);
    return (bits ^ ((bits >> 31) & 0x7fffffff)) ^ 0x80000000;
  }

  private static float fromOrderedBits(int ordered) {
    int bits = ordered ^ 0x80000000;
    return Float.intBitsToFloat(bits ^ ((bits >> 31) & 0x7fffffff));
  }
}
