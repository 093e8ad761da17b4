package org.alskernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The lanes×lanes tile transpose that moves systems into and out of the interleaved layout. */
final class PanamaTileTranspose {
  private static final VectorSpecies<Float> F = PanamaVectorOps.F;
  private static final int L = F.length();

  // Two-vector selections for the tile transpose (see transpose16): stage d swaps bit d of the row
  // index with bit d of the lane index.
  private static final FloatVector LO_1 = swapBit(1, false), HI_1 = swapBit(1, true);
  private static final FloatVector LO_2 = swapBit(2, false), HI_2 = swapBit(2, true);
  private static final FloatVector LO_4 = swapBit(4, false), HI_4 = swapBit(4, true);
  private static final FloatVector LO_8 = swapBit(8, false), HI_8 = swapBit(8, true);

  private PanamaTileTranspose() {}

  /**
   * A whole tile at 16 lanes is held in 16 registers and transposed in four stages of 8 two-vector
   * selections (vpermi2ps), instead of 256 scalar stores that each touch a different cache line.
   * Partial tiles and other vector sizes take the plain loop. (Storing a partial tile's columns
   * under conditions made C2 box vectors: 43 KB per batch at k = 100.)
   */
  static void transposeTile(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset,
      int dstStride, int columns) {
    if (L == 16 && columns == 16) {
      transpose16(src, srcOffset, srcStride, dst, dstOffset, dstStride);
      return;
    }
    for (int j = 0; j < L; j++) {
      for (int c = 0; c < columns; c++) {
        dst[dstOffset + c * dstStride + j] = src[srcOffset + j * srcStride + c];
      }
    }
  }

  /**
   * Selection indices for a transpose stage on rows x (bit d of the row index clear) and y = row x+d:
   * lane c of the new x takes x[c] if bit d of c is clear, else y[c−d]; lane c of the new y takes
   * x[c+d] if bit d of c is clear, else y[c]. selectFrom reads index i &lt; L from x, L + i from y.
   */
  private static FloatVector swapBit(int d, boolean high) {
    float[] index = new float[L];
    for (int c = 0; c < L; c++) {
      boolean fromY = (c & d) != 0;
      index[c] = high ? (fromY ? L + c : c + d) : (fromY ? L + c - d : c);
    }
    return FloatVector.fromArray(F, index, 0);
  }

  private static void transpose16(float[] src, int so, int ss, float[] dst, int dOff, int ds) {
    FloatVector x0 = FloatVector.fromArray(F, src, so), x1 = FloatVector.fromArray(F, src, so + ss);
    FloatVector x2 = FloatVector.fromArray(F, src, so + 2 * ss), x3 = FloatVector.fromArray(F, src, so + 3 * ss);
    FloatVector x4 = FloatVector.fromArray(F, src, so + 4 * ss), x5 = FloatVector.fromArray(F, src, so + 5 * ss);
    FloatVector x6 = FloatVector.fromArray(F, src, so + 6 * ss), x7 = FloatVector.fromArray(F, src, so + 7 * ss);
    FloatVector x8 = FloatVector.fromArray(F, src, so + 8 * ss), x9 = FloatVector.fromArray(F, src, so + 9 * ss);
    FloatVector x10 = FloatVector.fromArray(F, src, so + 10 * ss), x11 = FloatVector.fromArray(F, src, so + 11 * ss);
    FloatVector x12 = FloatVector.fromArray(F, src, so + 12 * ss), x13 = FloatVector.fromArray(F, src, so + 13 * ss);
    FloatVector x14 = FloatVector.fromArray(F, src, so + 14 * ss), x15 = FloatVector.fromArray(F, src, so + 15 * ss);
    FloatVector y0 = LO_1.selectFrom(x0, x1), y1 = HI_1.selectFrom(x0, x1);
    FloatVector y2 = LO_1.selectFrom(x2, x3), y3 = HI_1.selectFrom(x2, x3);
    FloatVector y4 = LO_1.selectFrom(x4, x5), y5 = HI_1.selectFrom(x4, x5);
    FloatVector y6 = LO_1.selectFrom(x6, x7), y7 = HI_1.selectFrom(x6, x7);
    FloatVector y8 = LO_1.selectFrom(x8, x9), y9 = HI_1.selectFrom(x8, x9);
    FloatVector y10 = LO_1.selectFrom(x10, x11), y11 = HI_1.selectFrom(x10, x11);
    FloatVector y12 = LO_1.selectFrom(x12, x13), y13 = HI_1.selectFrom(x12, x13);
    FloatVector y14 = LO_1.selectFrom(x14, x15), y15 = HI_1.selectFrom(x14, x15);
    x0 = LO_2.selectFrom(y0, y2); x2 = HI_2.selectFrom(y0, y2);
    x1 = LO_2.selectFrom(y1, y3); x3 = HI_2.selectFrom(y1, y3);
    x4 = LO_2.selectFrom(y4, y6); x6 = HI_2.selectFrom(y4, y6);
    x5 = LO_2.selectFrom(y5, y7); x7 = HI_2.selectFrom(y5, y7);
    x8 = LO_2.selectFrom(y8, y10); x10 = HI_2.selectFrom(y8, y10);
    x9 = LO_2.selectFrom(y9, y11); x11 = HI_2.selectFrom(y9, y11);
    x12 = LO_2.selectFrom(y12, y14); x14 = HI_2.selectFrom(y12, y14);
    x13 = LO_2.selectFrom(y13, y15); x15 = HI_2.selectFrom(y13, y15);
    y0 = LO_4.selectFrom(x0, x4); y4 = HI_4.selectFrom(x0, x4);
    y1 = LO_4.selectFrom(x1, x5); y5 = HI_4.selectFrom(x1, x5);
    y2 = LO_4.selectFrom(x2, x6); y6 = HI_4.selectFrom(x2, x6);
    y3 = LO_4.selectFrom(x3, x7); y7 = HI_4.selectFrom(x3, x7);
    y8 = LO_4.selectFrom(x8, x12); y12 = HI_4.selectFrom(x8, x12);
    y9 = LO_4.selectFrom(x9, x13); y13 = HI_4.selectFrom(x9, x13);
    y10 = LO_4.selectFrom(x10, x14); y14 = HI_4.selectFrom(x10, x14);
    y11 = LO_4.selectFrom(x11, x15); y15 = HI_4.selectFrom(x11, x15);
    LO_8.selectFrom(y0, y8).intoArray(dst, dOff + 0 * ds);
    LO_8.selectFrom(y1, y9).intoArray(dst, dOff + 1 * ds);
    LO_8.selectFrom(y2, y10).intoArray(dst, dOff + 2 * ds);
    LO_8.selectFrom(y3, y11).intoArray(dst, dOff + 3 * ds);
    LO_8.selectFrom(y4, y12).intoArray(dst, dOff + 4 * ds);
    LO_8.selectFrom(y5, y13).intoArray(dst, dOff + 5 * ds);
    LO_8.selectFrom(y6, y14).intoArray(dst, dOff + 6 * ds);
    LO_8.selectFrom(y7, y15).intoArray(dst, dOff + 7 * ds);
    HI_8.selectFrom(y0, y8).intoArray(dst, dOff + 8 * ds);
    HI_8.selectFrom(y1, y9).intoArray(dst, dOff + 9 * ds);
    HI_8.selectFrom(y2, y10).intoArray(dst, dOff + 10 * ds);
    HI_8.selectFrom(y3, y11).intoArray(dst, dOff + 11 * ds);
    HI_8.selectFrom(y4, y12).intoArray(dst, dOff + 12 * ds);
    HI_8.selectFrom(y5, y13).intoArray(dst, dOff + 13 * ds);
    HI_8.selectFrom(y6, y14).intoArray(dst, dOff + 14 * ds);
    HI_8.selectFrom(y7, y15).intoArray(dst, dOff + 15 * ds);
  }
}
