package org.alskernel.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The ratings of one block as three growing arrays, so that a shuffle moves arrays of primitives
 * rather than one object per rating. Ids are this side's (row) and the other side's (column).
 */
final class RatingBuffer implements Serializable {
  private static final long serialVersionUID = 1L;
  long[] rows = new long[16];
  long[] cols = new long[16];
  float[] values = new float[16];
  int size;

  RatingBuffer add(long row, long col, float value) {
    if (size == rows.length) {
      int capacity = Math.max(16, size * 2);
      rows = Arrays.copyOf(rows, capacity);
      cols = Arrays.copyOf(cols, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    rows[size] = row;
    cols[size] = col;
    values[size] = value;
    size++;
    return this;
  }

  RatingBuffer addAll(RatingBuffer other) {
    for (int i = 0; i < other.size; i++) {
      add(other.rows[i], other.cols[i], other.values[i]);
    }
    return this;
  }
}
