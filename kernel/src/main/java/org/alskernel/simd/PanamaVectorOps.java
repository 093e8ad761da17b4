package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API implementation: {@link VectorOps} over the kernels of {@link PanamaRowKernels},
 * {@link PanamaMatrixProducts}, {@link PanamaRankUpdate}, {@link PanamaInterleavedCholesky} and
 * {@link PanamaTileTranspose}. The
 * species lives in a {@code static final} field that every kernel class copies into its own: passed
 * around as a value it is not intrinsified and every call allocates. Loaded only after {@link
 * VectorOpsProvider} has checked that jdk.incubator.vector is readable.
 */
final class PanamaVectorOps implements VectorOps {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  @Override
  public int lanes() {
    return F.length();
  }

  @Override
  public String name() {
    return "vector " + F.vectorBitSize() + "-bit";
  }

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    return PanamaRowKernels.dot(a, ao, b, bo, n);
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    PanamaRowKernels.axpy(alpha, x, xo, y, yo, n);
  }

  @Override
  public void rowDots(float[] data, int base, int[] rows, int from, int count, int kp, float[] x,
      float[] out) {
    PanamaRowKernels.rowDots(data, base, rows, from, count, kp, x, out);
  }

  @Override
  public void addRowCombination(float[] data, int base, int[] rows, int from, int count, int kp,
      float[] coef, float[] acc) {
    PanamaRowKernels.addRowCombination(data, base, rows, from, count, kp, coef, acc);
  }

  @Override
  public void symmetricProducts(float[] m, int kp, int d, float[] v, int vo, int count, float[] out,
      int oo) {
    PanamaMatrixProducts.symmetricProducts(m, kp, d, v, vo, count, out, oo);
  }

  @Override
  public void packWeighted(float[] data, int base, int[] rows, int from, int count, int kp, float[] w,
      float[] t, float[] packed, int po, float[] weighted, int wo, float[] b, int bo) {
    PanamaRowKernels.packWeighted(data, base, rows, from, count, kp, w, t, packed, po, weighted, wo, b, bo);
  }

  @Override
  public void rankUpdate(
      float[] rows, int ro, float[] wrows, int wo, int count, int kp, float[] a, int ao, int fromRow) {
    PanamaRankUpdate.rankUpdate(rows, ro, wrows, wo, count, kp, a, ao, fromRow);
  }

  @Override
  public void factorSolveInterleaved(float[] buf, int t, int rhs, int k, int[] failedPivot) {
    PanamaInterleavedCholesky.factorSolveInterleaved(buf, t, rhs, k, failedPivot);
  }

  @Override
  public void transposeTile(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset,
      int dstStride, int columns) {
    PanamaTileTranspose.transposeTile(src, srcOffset, srcStride, dst, dstOffset, dstStride, columns);
  }
}
