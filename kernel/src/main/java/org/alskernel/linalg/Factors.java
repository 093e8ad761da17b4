package org.alskernel.linalg;

/**
 * A factor matrix (one side of the model) as the kernels use it: {@code rows} vectors of length
 * {@code k}, row-major in one float array with row stride {@code stride ≥ k}; the padding columns
 * [k, stride) are always zero, so kernels may run whole vectors over a row.
 */
public final class Factors {
  public final int rows;
  public final int k;
  public final int stride;
  public final float[] data;

  public Factors(int rows, int k, int stride) {
    if (stride < k) {
      throw new IllegalArgumentException("stride " + stride + " < k " + k);
    }
    long size = (long) rows * stride;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          rows + " rows × stride " + stride + " = " + size + " floats exceed one Java array");
    }
    this.rows = rows;
    this.k = k;
    this.stride = stride;
    this.data = new float[(int) size];
  }

  /** Copies from a dense row-major array with stride k. */
  public void setFromDense(float[] dense) {
    if (dense.length != (long) rows * k) {
      throw new IllegalArgumentException(
          "expected " + rows + "×" + k + " = " + (long) rows * k + " floats, got " + dense.length);
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(dense, r * k, data, r * stride, k);
    }
  }

  /** A dense row-major copy with stride k. */
  public float[] toDense() {
    float[] dense = new float[rows * k];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(data, r * stride, dense, r * k, k);
    }
    return dense;
  }

  public Factors copy() {
    Factors c = new Factors(rows, k, stride);
    System.arraycopy(data, 0, c.data, 0, data.length);
    return c;
  }
}
