package org.alskernel.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.alskernel.parallel.ParallelRunner;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {

  /**
   * The 3x4 matrix
   *
   * <pre>
   *   row 0: 1 . 2 .
   *   row 1: . . . .
   *   row 2: 3 4 . 5
   * </pre>
   */
  private static CsrMatrix example() {
    return CsrMatrix.of(
        3, 4, new int[] {0, 2, 2, 5}, new int[] {0, 2, 0, 1, 3}, new float[] {1, 2, 3, 4, 5});
  }

  private static IllegalArgumentException refused(
      int rows, int cols, int[] indptr, int[] indices, float[] values) {
    return assertThrows(
        IllegalArgumentException.class, () -> CsrMatrix.of(rows, cols, indptr, indices, values));
  }

  private static void assertMentions(Exception e, String... fragments) {
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' should mention '" + f + "'");
    }
  }

  // ---- validate(): one test per invariant ----

  @Test
  void refusesNegativeShape() {
    assertMentions(refused(-1, 2, new int[] {0}, new int[0], new float[0]), "negative shape", "-1x2");
    assertMentions(refused(2, -3, new int[] {0, 0, 0}, new int[0], new float[0]), "negative shape", "2x-3");
  }

  @Test
  void refusesNullArrays() {
    assertMentions(refused(1, 1, null, new int[0], new float[0]), "null");
    assertMentions(refused(1, 1, new int[] {0, 0}, null, new float[0]), "null");
    assertMentions(refused(1, 1, new int[] {0, 0}, new int[0], null), "null");
  }

  @Test
  void refusesIndptrOfWrongLength() {
    assertMentions(
        refused(3, 2, new int[] {0, 0, 0}, new int[0], new float[0]),
        "indptr has length 3", "rows + 1 = 4");
  }

  @Test
  void refusesIndptrNotStartingAtZero() {
    assertMentions(
        refused(1, 2, new int[] {1, 1}, new int[] {0}, new float[] {1}), "indptr[0] is 1", "expected 0");
  }

  @Test
  void refusesIndicesAndValuesOfDifferentLength() {
    assertMentions(
        refused(1, 3, new int[] {0, 2}, new int[] {0, 1}, new float[] {1}),
        "indices has length 2", "values has 1");
  }

  @Test
  void refusesLastIndptrOtherThanNnz() {
    assertMentions(
        refused(2, 3, new int[] {0, 1, 1}, new int[] {0, 1}, new float[] {1, 2}),
        "indptr[2] is 1", "nnz = 2");
  }

  @Test
  void refusesDecreasingIndptrNamingTheRow() {
    assertMentions(
        refused(3, 3, new int[] {0, 2, 1, 2}, new int[] {0, 1}, new float[] {1, 2}),
        "indptr decreases at row 1", "indptr[1]=2", "indptr[2]=1");
  }

  @Test
  void interiorIndptrBeyondNnzIsReportedNotAnArrayIndexError() {
    // Before the fix, row 0 was scanned up to indptr[1] = 5 and ran off the end of indices.
    assertMentions(
        refused(2, 3, new int[] {0, 5, 2}, new int[] {0, 1}, new float[] {1, 2}),
        "indptr decreases at row 1", "indptr[1]=5");
  }

  @Test
  void refusesColumnIndexOutOfRangeNamingRowAndEntry() {
    assertMentions(
        refused(2, 3, new int[] {0, 1, 2}, new int[] {0, 3}, new float[] {1, 2}),
        "column index 3", "[0, 3)", "row 1", "entry 1");
    assertMentions(
        refused(2, 3, new int[] {0, 1, 2}, new int[] {-1, 0}, new float[] {1, 2}),
        "column index -1", "row 0", "entry 0");
  }

  @Test
  void refusesUnsortedOrDuplicateColumnsNamingRowAndEntry() {
    assertMentions(
        refused(2, 4, new int[] {0, 1, 3}, new int[] {0, 2, 1}, new float[] {1, 2, 3}),
        "not strictly increasing in row 1", "entry 2", "2 then 1");
    assertMentions(
        refused(1, 4, new int[] {0, 2}, new int[] {3, 3}, new float[] {1, 2}),
        "not strictly increasing in row 0", "entry 1", "3 then 3");
  }

  @Test
  void refusesNonFiniteValuesNamingRowColumnAndEntry() {
    float[][] bad = {{Float.NaN}, {Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY}};
    for (float[] v : bad) {
      float[] values = {1, v[0]};
      assertMentions(
          refused(2, 5, new int[] {0, 1, 2}, new int[] {0, 4}, values),
          "value " + v[0], "not finite", "row 1", "column 4", "entry 1");
    }
  }

  @Test
  void acceptsEmptyRowsColumnsAndEmptyShapes() {
    CsrMatrix m = example();
    assertEquals(0, m.rowLength(1));
    assertEquals(5, m.nnz());
    assertEquals(0, CsrMatrix.of(0, 0, new int[] {0}, new int[0], new float[0]).nnz());
    assertEquals(0, CsrMatrix.of(3, 0, new int[] {0, 0, 0, 0}, new int[0], new float[0]).nnz());
    assertEquals(0, CsrMatrix.of(0, 7, new int[] {0}, new int[0], new float[0]).transpose().nnz());
  }

  // ---- get ----

  @Test
  void getReturnsStoredValuesAndZeroElsewhere() {
    CsrMatrix m = example();
    float[][] dense = {{1, 0, 2, 0}, {0, 0, 0, 0}, {3, 4, 0, 5}};
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(dense[r][c], m.get(r, c), "(" + r + ", " + c + ")");
      }
    }
  }

  @Test
  void getRefusesPositionsOutsideTheShape() {
    CsrMatrix m = example();
    int[][] outside = {{-1, 0}, {3, 0}, {0, -1}, {0, 4}};
    for (int[] rc : outside) {
      IndexOutOfBoundsException e =
          assertThrows(IndexOutOfBoundsException.class, () -> m.get(rc[0], rc[1]));
      assertMentions(e, "(" + rc[0] + ", " + rc[1] + ")", "3x4");
    }
  }

  // ---- transpose ----

  @Test
  void transposeOfHandExample() {
    CsrMatrix t = example().transpose();
    assertAll(
        () -> assertEquals(4, t.rows()),
        () -> assertEquals(3, t.cols()),
        () -> assertArrayEquals(new int[] {0, 2, 3, 4, 5}, t.indptr()),
        () -> assertArrayEquals(new int[] {0, 2, 2, 0, 2}, t.indices()),
        () -> assertArrayEquals(new float[] {1, 3, 4, 2, 5}, t.values()));
    t.validate();
  }

  @Test
  void transposeTwiceIsBitForBitTheOriginalOnRandomMatrices() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      CsrMatrix m = randomMatrix(rnd, 1 + rnd.nextInt(40), 1 + rnd.nextInt(40));
      CsrMatrix t = m.transpose();
      t.validate();
      for (int r = 0; r < m.rows(); r++) {
        for (int c = 0; c < m.cols(); c++) {
          assertEquals(Float.floatToRawIntBits(m.get(r, c)), Float.floatToRawIntBits(t.get(c, r)));
        }
      }
      assertEquals(m, t.transpose(), "trial " + trial);
      assertEquals(m.hashCode(), t.transpose().hashCode());
    }
  }

  @Test
  void transposeInTasksIsBitForBitTheOneTaskTransposeForAnyTaskCount() throws Exception {
    SplittableRandom rnd = new SplittableRandom(13);
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      ParallelRunner runner = new ParallelRunner(pool);
      for (int trial = 0; trial < 20; trial++) {
        CsrMatrix m = randomMatrix(rnd, 1 + rnd.nextInt(60), 1 + rnd.nextInt(60));
        CsrMatrix serial = m.transpose();
        for (int parts : new int[] {1, 2, 3, 7, 64}) { // 64: more parts than columns, some empty
          CsrMatrix t = m.transpose(runner, parts);
          t.validate();
          assertEquals(serial, t, "trial " + trial + ", " + parts + " parts");
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void transposeCostsNnzPlusShapeNotRowsTimesCols() {
    // Wall-clock tests cannot tell O(nnz + n) from O(nnz log nnz) reliably on shared CI, but they can
    // rule out anything proportional to rows * cols: here rows * cols = 4e10 while nnz + n = 1.4e6.
    int n = 200_000;
    SplittableRandom rnd = new SplittableRandom(11);
    int[] indptr = new int[n + 1];
    int[] indices = new int[5 * n];
    float[] values = new float[5 * n];
    for (int r = 0; r < n; r++) {
      int start = 5 * r;
      int c = rnd.nextInt(n / 8);
      for (int k = 0; k < 5; k++) {
        indices[start + k] = c;
        values[start + k] = r;
        c += 1 + rnd.nextInt(n / 8);
      }
      indptr[r + 1] = start + 5;
    }
    CsrMatrix m = CsrMatrix.of(n, n, indptr, indices, values);
    long t0 = System.nanoTime();
    CsrMatrix back = m.transpose().transpose();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(m, back);
    assertTrue(millis < 2_000, "two transposes of 1e6 nonzeros took " + millis + " ms");

    // a 1 x 2e6 matrix with a single entry: the transpose has 2e6 rows, all but one empty
    CsrMatrix wide = CsrMatrix.of(1, 2_000_000, new int[] {0, 1}, new int[] {1_999_999}, new float[] {1});
    CsrMatrix t = wide.transpose();
    assertEquals(2_000_001, t.indptr().length);
    assertEquals(1, t.get(1_999_999, 0));
    assertEquals(wide, t.transpose());
  }

  @Test
  void equalsComparesValuesBitForBit() {
    CsrMatrix a = CsrMatrix.of(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {0f});
    CsrMatrix b = CsrMatrix.of(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {-0f});
    assertNotEquals(a, b);
    assertEquals(a, CsrMatrix.of(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {0f}));
    assertNotEquals(example(), example().transpose());
  }

  @Test
  void footprintIsEightBytesPerNonzeroPlusFourPerRow() {
    CsrMatrix m = example();
    assertEquals(8L * 5 + 4L * (3 + 1), m.footprintBytes());
  }

  /** A random matrix with density 0..30%, which leaves some rows and columns empty. */
  static CsrMatrix randomMatrix(SplittableRandom rnd, int rows, int cols) {
    double density = rnd.nextDouble(0.3);
    int[] indptr = new int[rows + 1];
    int[] indices = new int[rows * cols];
    float[] values = new float[rows * cols];
    int nnz = 0;
    for (int r = 0; r < rows; r++) {
      if (rnd.nextInt(4) == 0) { // force some empty rows
        indptr[r + 1] = nnz;
        continue;
      }
      for (int c = 0; c < cols; c++) {
        if (c % 5 != 3 && rnd.nextDouble() < density) { // column 3 mod 5 stays empty
          indices[nnz] = c;
          values[nnz] = (float) rnd.nextGaussian();
          nnz++;
        }
      }
      indptr[r + 1] = nnz;
    }
    return CsrMatrix.of(
        rows, cols, indptr, java.util.Arrays.copyOf(indices, nnz), java.util.Arrays.copyOf(values, nnz));
  }
}
