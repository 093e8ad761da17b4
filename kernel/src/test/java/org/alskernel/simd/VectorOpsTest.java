package org.alskernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kernel of the Vector API implementation against the scalar twin and a double-precision loop,
 * over sizes that hit every tail. Tolerance: float rounding over n terms of magnitude ≤ 1 grows at most
 * like n·2⁻²⁴; we allow 4·n·2⁻²⁴ relative to the sum of magnitudes.
 */
class VectorOpsTest {
  private static final VectorOps SCALAR = VectorOpsProvider.scalar();
  private static final VectorOps VECTOR = VectorOpsProvider.vector().orElseThrow();
  private static final double ULP = 0x1p-24;

  private static float[] random(SplittableRandom rnd, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = (float) (rnd.nextDouble() * 2 - 1);
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 7, 15, 16, 17, 31, 33, 63, 65, 127, 129, 1000})
  void dotMatchesDoubleReference(int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    float[] a = random(rnd, n + 5);
    float[] b = random(rnd, n + 3);
    double exact = 0;
    double magnitude = 0;
    for (int i = 0; i < n; i++) {
      exact += (double) a[i + 2] * b[i + 1];
      magnitude += Math.abs((double) a[i + 2] * b[i + 1]);
    }
    double tol = 4 * Math.max(1, n) * ULP * Math.max(magnitude, 1e-30);
    assertEquals(exact, SCALAR.dot(a, 2, b, 1, n), tol);
    assertEquals(exact, VECTOR.dot(a, 2, b, 1, n), tol);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 7, 15, 16, 17, 31, 33, 63, 65, 127, 129})
  void axpyIsExactlyElementwise(int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    float[] x = random(rnd, n + 4);
    float[] y1 = random(rnd, n + 4);
    float[] y2 = y1.clone();
    SCALAR.axpy(0.37f, x, 1, y1, 2, n);
    VECTOR.axpy(0.37f, x, 1, y2, 2, n);
    for (int i = 0; i < n + 4; i++) {
      // One fused or two rounded operations per element: at most one rounding apart.
      assertEquals(y1[i], y2[i], 2 * ULP * (Math.abs(y1[i]) + 1), "element " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 33, 64, 100, 128})
  void rankUpdateMatchesDoubleReferenceOnUpperTriangle(int k) {
    for (VectorOps ops : new VectorOps[] {SCALAR, VECTOR}) {
      int kp = ops.paddedStride(k);
      int count = 37;
      SplittableRandom rnd = new SplittableRandom(k);
      float[] rows = new float[count * kp];
      float[] wrows = new float[count * kp];
      for (int j = 0; j < count; j++) {
        float w = (float) rnd.nextDouble() * 3;
        for (int c = 0; c < k; c++) {
          rows[j * kp + c] = (float) (rnd.nextDouble() * 2 - 1);
          wrows[j * kp + c] = w * rows[j * kp + c];
        }
      }
      float[] a = new float[kp * kp];
      for (int i = 0; i < a.length; i++) a[i] = 0.5f;
      ops.rankUpdate(rows, 0, wrows, 0, count, kp, a, 0, 0);
      for (int r = 0; r < k; r++) {
        for (int c = r; c < k; c++) {
          double exact = 0.5;
          double magnitude = 0.5;
          for (int j = 0; j < count; j++) {
            exact += (double) wrows[j * kp + r] * rows[j * kp + c];
            magnitude += Math.abs((double) wrows[j * kp + r] * rows[j * kp + c]);
          }
          assertEquals(exact, a[r * kp + c], 4 * count * ULP * magnitude,
              ops.name() + " k=" + k + " entry (" + r + "," + c + ")");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 33, 64, 100, 128, 256})
  void symmetricProductsMatchDoubleReferenceAndDoNotDependOnTheirCompanions(int k) {
    for (VectorOps ops : new VectorOps[] {SCALAR, VECTOR}) {
      int kp = ops.paddedStride(k);
      SplittableRandom rnd = new SplittableRandom(k);
      float[] m = new float[kp * kp];
      for (int i = 0; i < k; i++) {
        for (int c = i; c < k; c++) {
          m[i * kp + c] = m[c * kp + i] = (float) (rnd.nextDouble() * 2 - 1);
        }
      }
      for (int count : new int[] {1, 2, 3, 4, 5, 7, 8, 9}) {
        int vo = 3; // off any vector boundary
        float[] v = new float[vo + count * kp];
        for (int b = 0; b < count; b++) {
          for (int i = 0; i < k; i++) v[vo + b * kp + i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        float[] out = random(rnd, 2 + count * kp); // overwritten
        ops.symmetricProducts(m, kp, k, v, vo, count, out, 2);
        for (int b = 0; b < count; b++) {
          for (int c = 0; c < kp; c++) {
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < k; i++) {
              exact += (double) v[vo + b * kp + i] * m[i * kp + c];
              magnitude += Math.abs((double) v[vo + b * kp + i] * m[i * kp + c]);
            }
            assertEquals(exact, out[2 + b * kp + c], 4 * Math.max(1, k) * ULP * magnitude,
                ops.name() + " vector " + b + " of " + count + ", column " + c);
          }
          // the same vector alone gives the same bits
          float[] alone = new float[kp];
          ops.symmetricProducts(m, kp, k, v, vo + b * kp, 1, alone, 0);
          for (int c = 0; c < kp; c++) {
            assertEquals(Float.floatToRawIntBits(alone[c]), Float.floatToRawIntBits(out[2 + b * kp + c]),
                ops.name() + " vector " + b + " of " + count + " alone, column " + c);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 33, 64, 100, 128})
  void rowDotsAndRowCombinationMatchDoubleReference(int k) {
    for (VectorOps ops : new VectorOps[] {SCALAR, VECTOR}) {
      int kp = ops.paddedStride(k);
      SplittableRandom rnd = new SplittableRandom(k);
      for (int count : new int[] {0, 1, 2, 5, 16, 37}) {
        // Rows picked out of order (and one twice), as a sparse row's neighbours are.
        int[] pick = new int[2 + count];
        for (int j = 0; j < count; j++) {
          pick[2 + j] = (j * 7) % (count + 3);
        }
        if (count > 2) {
          pick[3] = pick[4];
        }
        int base = 5; // rows start past a base offset, off any vector boundary
        float[] data = random(rnd, base + (count + 3) * kp);
        float[] x = random(rnd, kp);
        float[] coef = random(rnd, count);
        float[] dots = new float[count];
        ops.rowDots(data, base, pick, 2, count, kp, x, dots);
        for (int j = 0; j < count; j++) {
          double exact = 0;
          double magnitude = 0;
          for (int c = 0; c < kp; c++) {
            exact += (double) data[base + pick[2 + j] * kp + c] * x[c];
            magnitude += Math.abs((double) data[base + pick[2 + j] * kp + c] * x[c]);
          }
          assertEquals(exact, dots[j], 4 * kp * ULP * magnitude, ops.name() + " dot of row " + j);
        }
        float[] acc = random(rnd, kp);
        double[] expected = new double[kp];
        double[] magnitude = new double[kp];
        for (int c = 0; c < kp; c++) {
          expected[c] = acc[c];
          magnitude[c] = Math.abs(acc[c]);
          for (int j = 0; j < count; j++) {
            expected[c] += (double) coef[j] * data[base + pick[2 + j] * kp + c];
            magnitude[c] += Math.abs((double) coef[j] * data[base + pick[2 + j] * kp + c]);
          }
        }
        ops.addRowCombination(data, base, pick, 2, count, kp, coef, acc);
        for (int c = 0; c < kp; c++) {
          assertEquals(expected[c], acc[c], 4 * (count + 1) * ULP * magnitude[c],
              ops.name() + " combination column " + c + " of " + count + " rows");
        }
      }
    }
  }

  /**
   * A row's dot product is the same bits wherever it sits in the list (rows are summed four at a
   * time, a short last group padded with repeats), so a row's CG products depend on its own inputs.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 8, 17, 64, 100})
  void rowDotsDoNotDependOnTheRowsBesideThem(int k) {
    for (VectorOps ops : new VectorOps[] {SCALAR, VECTOR}) {
      int kp = ops.paddedStride(k);
      SplittableRandom rnd = new SplittableRandom(31 + k);
      float[] data = random(rnd, 3 + 12 * kp);
      float[] x = random(rnd, kp);
      int[] pick = {11, 4, 4, 0, 7, 2, 9, 5, 1, 3, 10, 6, 8};
      float[] alone = new float[1];
      for (int count = 1; count <= pick.length; count++) {
        float[] dots = new float[count + 1];
        dots[count] = 42f; // past the last row: must stay untouched
        ops.rowDots(data, 3, pick, 0, count, kp, x, dots);
        for (int j = 0; j < count; j++) {
          ops.rowDots(data, 3, pick, j, 1, kp, x, alone);
          assertEquals(Float.floatToRawIntBits(alone[0]), Float.floatToRawIntBits(dots[j]),
              ops.name() + " row " + j + " of " + count + ", k = " + k);
        }
        assertEquals(42f, dots[count], ops.name() + " wrote past " + count + " rows");
      }
    }
  }

  /**
   * Rows of two, four and eight vectors take their own written-out path through rowDots (and rows of
   * two through addRowCombination); the same rows with a vector of zeros more take the general one. Both run the
   * same operations in the same order (a zero column adds exactly nothing), so the bits must agree.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void shortRowsTakeTheGeneralPathsBits(int vectors) {
    int lanes = VECTOR.lanes();
    int kp = vectors * lanes;
    int wide = kp + lanes;
    SplittableRandom rnd = new SplittableRandom(vectors);
    int rows = 23;
    float[] data = random(rnd, rows * kp);
    float[] padded = new float[rows * wide];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(data, r * kp, padded, r * wide, kp);
    }
    float[] x = random(rnd, wide);
    Arrays.fill(x, kp, wide, 0f);
    int[] pick = {5, 0, 22, 7, 7, 13, 2, 19, 11, 3, 17};
    float[] coef = random(rnd, pick.length);
    for (int count = 1; count <= pick.length; count++) {
      float[] dots = new float[count];
      float[] wideDots = new float[count];
      VECTOR.rowDots(data, 0, pick, 0, count, kp, x, dots);
      VECTOR.rowDots(padded, 0, pick, 0, count, wide, x, wideDots);
      float[] acc = new float[kp];
      float[] wideAcc = new float[wide];
      VECTOR.addRowCombination(data, 0, pick, 0, count, kp, coef, acc);
      VECTOR.addRowCombination(padded, 0, pick, 0, count, wide, coef, wideAcc);
      for (int j = 0; j < count; j++) {
        assertEquals(Float.floatToRawIntBits(wideDots[j]), Float.floatToRawIntBits(dots[j]),
            "dot of row " + j + " of " + count + ", " + vectors + " vectors");
      }
      for (int c = 0; c < kp; c++) {
        assertEquals(Float.floatToRawIntBits(wideAcc[c]), Float.floatToRawIntBits(acc[c]),
            "combination column " + c + " of " + count + " rows, " + vectors + " vectors");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 33, 64, 100, 128})
  void packWeightedCopiesScalesAndSumsTheGatheredRows(int k) {
    for (VectorOps ops : new VectorOps[] {SCALAR, VECTOR}) {
      int kp = ops.paddedStride(k);
      SplittableRandom rnd = new SplittableRandom(k);
      int count = 37;
      int base = 3; // every part at its own offset, off any vector boundary
      int po = 7;
      int wo = 2;
      int bo = 4;
      float[] data = random(rnd, base + 50 * kp);
      int[] pick = new int[1 + count];
      for (int j = 0; j < count; j++) {
        pick[1 + j] = (j * 13) % 50;
      }
      float[] w = random(rnd, count);
      float[] t = random(rnd, count);
      float[] packed = new float[po + count * kp];
      float[] weighted = new float[wo + count * kp];
      float[] b = random(rnd, bo + kp);
      float[] b0 = b.clone();
      ops.packWeighted(data, base, pick, 1, count, kp, w, t, packed, po, weighted, wo, b, bo);
      for (int c = 0; c < kp; c++) {
        double exact = b0[bo + c];
        double magnitude = Math.abs(b0[bo + c]);
        for (int j = 0; j < count; j++) {
          float y = data[base + pick[1 + j] * kp + c];
          assertEquals(y, packed[po + j * kp + c], ops.name() + " packed row " + j);
          assertEquals(w[j] * y, weighted[wo + j * kp + c], ops.name() + " weighted row " + j);
          exact += (double) t[j] * y;
          magnitude += Math.abs((double) t[j] * y);
        }
        assertEquals(exact, b[bo + c], 4 * (count + 1) * ULP * magnitude, ops.name() + " b column " + c);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 64, 100})
  void paddedStrideIsAWholeNumberOfVectors(int k) {
    int kp = VECTOR.paddedStride(k);
    assertTrue(kp >= k && kp % VECTOR.lanes() == 0 && kp - k < VECTOR.lanes());
    assertEquals(k, SCALAR.paddedStride(k));
  }
}
