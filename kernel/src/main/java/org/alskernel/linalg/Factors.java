package org.alskernel.linalg;

import org.alskernel.simd.VectorOpsProvider;

/**
 * A factor matrix (one side of the model) as the kernels use it: {@code rows} vectors of length
 * {@code k}, row-major in one float array with row stride {@code stride ≥ width()}, row r from
 * {@link #rowStart rowStart(r)}; the columns past the used width are always zero, so kernels may run
 * whole vectors over a row.
 *
 * <p>Row 0 starts {@link AlignedFloats#OFFSET} floats into the array: a factor matrix large enough to
 * matter is a G1 humongous array, so every row then starts on a 64-byte boundary and a row of 64
 * floats spans 4 cache lines instead of 5, with no vector load straddling two ({@link AlignedFloats};
 * docs/design.md). Smaller ones land wherever the allocator puts them.
 *
 * <p>A <em>biased</em> side stores two more columns in the padded stride (docs/math.md, "Biases by
 * augmentation"): column {@code k} holds the row's own bias and column {@code k+1} the constant 1.
 * Solving a row against a biased other side then needs no copy: the gathered neighbour row is
 * {@code (y_j, γ_j)}; the builder reads γ_j to shift the target and writes 1 over it, which gives the
 * augmented vector {@code (y_j, 1)}; the unknowns are {@code (x_u, β_u)}, columns [0, k+1) of the row.
 */
public final class Factors {
  public final int rows;
  public final int k;
  public final int stride;
  /** Whether columns k (own bias) and k+1 (constant 1) are in use. */
  public final boolean biased;
  public final float[] data;
  /** Where row 0 starts in {@link #data}. */
  public final int offset;

  /**
   * The row stride the kernels this JVM uses want for k factors (biased: k + 2 columns), the
   * {@code stride} to make factor matrices with.
   */
  public static int stride(int k, boolean biased) {
    return VectorOpsProvider.get().paddedStride(biased ? k + 2 : k);
  }

  /** Plain factors: columns [0, k) in use. */
  public Factors(int rows, int k, int stride) {
    this(rows, k, stride, false);
  }

  /** Factors with the bias columns when {@code biased}; the constant column is set to 1. */
  public Factors(int rows, int k, int stride, boolean biased) {
    int width = biased ? k + 2 : k;
    if (stride < width) {
      throw new IllegalArgumentException("stride " + stride + " < " + (biased ? "k + 2 = " : "k ") + width);
    }
    long size = (long) rows * stride;
    if (size > Integer.MAX_VALUE - 32) {
      throw new IllegalArgumentException(
          rows + " rows × stride " + stride + " = " + size + " floats exceed one Java array");
    }
    this.rows = rows;
    this.k = k;
    this.stride = stride;
    this.biased = biased;
    this.offset = AlignedFloats.OFFSET;
    this.data = new float[offset + (int) size];
    if (biased) {
      for (int r = 0; r < rows; r++) {
        data[rowStart(r) + k + 1] = 1f;
      }
    }
  }

  /** Where row r starts in {@link #data}. */
  public int rowStart(int r) {
    return offset + r * stride;
  }

  /** Columns a row's solve writes: k, or k + 1 with the bias. */
  public int unknowns() {
    return biased ? k + 1 : k;
  }

  /** Copies from a dense row-major array with stride k (the latent part only). */
  public void setFromDense(float[] dense) {
    if (dense.length != (long) rows * k) {
      throw new IllegalArgumentException(
          "expected " + rows + "×" + k + " = " + (long) rows * k + " floats, got " + dense.length);
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(dense, r * k, data, rowStart(r), k);
    }
  }

  /** A dense row-major copy with stride k (the latent part only). */
  public float[] toDense() {
    float[] dense = new float[rows * k];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(data, rowStart(r), dense, r * k, k);
    }
    return dense;
  }

  /** The biases (column k) of a biased side. */
  public float[] biases() {
    requireBiased();
    float[] b = new float[rows];
    for (int r = 0; r < rows; r++) {
      b[r] = data[rowStart(r) + k];
    }
    return b;
  }

  /** Replaces the biases (column k) of a biased side. */
  public void setBiases(float[] biases) {
    requireBiased();
    if (biases.length != rows) {
      throw new IllegalArgumentException("expected " + rows + " biases, got " + biases.length);
    }
    for (int r = 0; r < rows; r++) {
      data[rowStart(r) + k] = biases[r];
    }
  }

  private void requireBiased() {
    if (!biased) {
      throw new IllegalStateException("these factors have no bias column");
    }
  }
}
