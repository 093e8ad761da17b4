package org.alskernel.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsrBuilderTest {

  private static void assertMentions(Exception e, String... fragments) {
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' should mention '" + f + "'");
    }
  }

  @Test
  void buildsRowsSortedByColumnWhateverTheInsertionOrder() {
    CsrMatrix m =
        new CsrBuilder().add(2, 3, 5).add(0, 2, 2).add(2, 0, 3).add(0, 0, 1).add(2, 1, 4).build();
    assertEquals(3, m.rows());
    assertEquals(4, m.cols());
    assertArrayEquals(new int[] {0, 2, 2, 5}, m.indptr());
    assertArrayEquals(new int[] {0, 2, 0, 1, 3}, m.indices());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5}, m.values());
  }

  @Test
  void duplicatesAreSummedInInsertionOrder() {
    // Float addition is not associative: 1e8 + 1 + 1 - 1e8 = 0 left to right (each +1 is lost to
    // rounding), while the order -1e8, 1e8, 1, 1 gives 2. Interleaving other entries must not change it.
    CsrMatrix m =
        new CsrBuilder()
            .add(0, 1, 1e8f)
            .add(1, 0, 7)
            .add(0, 1, 1)
            .add(0, 0, 3)
            .add(0, 1, 1)
            .add(0, 1, -1e8f)
            .build();
    assertEquals(((1e8f + 1f) + 1f) - 1e8f, m.get(0, 1));
    assertEquals(0f, m.get(0, 1));
    assertEquals(3f, m.get(0, 0));
    assertEquals(7f, m.get(1, 0));
    assertEquals(3, m.nnz());

    CsrMatrix reordered =
        new CsrBuilder().add(0, 1, -1e8f).add(0, 1, 1e8f).add(0, 1, 1).add(0, 1, 1).build();
    assertEquals(2f, reordered.get(0, 1));
  }

  @Test
  void shapeComesFromTheDataUnlessGiven() {
    CsrBuilder b = new CsrBuilder().add(1, 4, 1).add(3, 0, 2);
    CsrMatrix fromData = b.build();
    assertEquals(4, fromData.rows());
    assertEquals(5, fromData.cols());

    CsrMatrix explicit = b.build(10, 20);
    assertEquals(10, explicit.rows());
    assertEquals(20, explicit.cols());
    assertEquals(2, explicit.nnz());
    assertEquals(2f, explicit.get(3, 0));
    assertEquals(11, explicit.indptr().length);

    CsrMatrix empty = new CsrBuilder().build();
    assertEquals(0, empty.rows());
    assertEquals(0, empty.cols());
    assertEquals(0, new CsrBuilder().build(3, 2).nnz());
  }

  @Test
  void emptyRowsAndColumnsAreLegal() {
    CsrMatrix m = new CsrBuilder().add(0, 0, 1).add(4, 6, 2).build(6, 8);
    for (int r : new int[] {1, 2, 3, 5}) {
      assertEquals(0, m.rowLength(r));
    }
    CsrMatrix t = m.transpose();
    assertEquals(8, t.rows());
    assertEquals(2, t.nnz());
    assertEquals(0, t.rowLength(7));
  }

  @Test
  void refusesEntriesOutsideAnExplicitShapeNamingTheEntry() {
    CsrBuilder b = new CsrBuilder().add(0, 0, 1).add(2, 1, 4.5f).add(1, 5, 2);
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> b.build(2, 10)),
        "entry 1", "row=2", "column=1", "value=4.5", "2x10");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> b.build(3, 5)),
        "entry 2", "row=1", "column=5", "value=2.0", "3x5");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> b.build(-1, 5)), "negative shape");
  }

  @Test
  void refusesBadTripletsNamingIndexRowColumnAndValue() {
    Object[][] cases = {
      {-1, 2, 1f, "negative row index"},
      {1, -2, 1f, "negative column index"},
      {1, 2, Float.NaN, "non-finite value"},
      {1, 2, Float.POSITIVE_INFINITY, "non-finite value"},
      {1, 2, Float.NEGATIVE_INFINITY, "non-finite value"},
    };
    for (Object[] c : cases) {
      CsrBuilder b = new CsrBuilder().add(0, 0, 1).add(0, 1, 1).add(0, 2, 1);
      int row = (int) c[0];
      int col = (int) c[1];
      float value = (float) c[2];
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> b.add(row, col, value));
      assertMentions(e, (String) c[3], "entry 3", "row=" + row, "column=" + col, "value=" + value);
      assertEquals(3, b.size(), "the refused entry is not kept");
    }
  }

  @Test
  void refusesDuplicateSumsThatOverflowToInfinity() {
    CsrBuilder b = new CsrBuilder().add(0, 0, 1).add(3, 2, Float.MAX_VALUE).add(3, 2, Float.MAX_VALUE);
    assertMentions(
        assertThrows(IllegalArgumentException.class, b::build),
        "row 3", "column 2", "overflows to Infinity");
    CsrBuilder negative = new CsrBuilder().add(1, 1, -Float.MAX_VALUE).add(1, 1, -Float.MAX_VALUE);
    assertMentions(
        assertThrows(IllegalArgumentException.class, negative::build), "row 1", "column 1", "-Infinity");
  }

  @Test
  void refusesShapesThatDoNotFitAnIndptr() {
    CsrBuilder b = new CsrBuilder().add(Integer.MAX_VALUE, 0, 1);
    assertMentions(assertThrows(IllegalArgumentException.class, b::build), "does not fit");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> new CsrBuilder().build(Integer.MAX_VALUE, 1)),
        "rows must be below");
  }

  @Test
  void wideDeclaredShapeCostsNoColumnSizedScratch() {
    // The column pass is bounded by the largest column present: 2e9 declared columns must not allocate
    // an 8 GB counting array (the tests run with -Xmx4g).
    CsrMatrix m = new CsrBuilder().add(0, 5, 1).add(1, 2, 2).build(2, 2_000_000_000);
    assertEquals(2_000_000_000, m.cols());
    assertEquals(1f, m.get(0, 5));
  }

  @Test
  void growsPastItsInitialCapacityAndMatchesADirectlyBuiltMatrix() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      CsrMatrix expected = CsrMatrixTest.randomMatrix(rnd, 1 + rnd.nextInt(30), 1 + rnd.nextInt(30));
      // add the entries in a shuffled order
      int nnz = expected.nnz();
      int[] rowOf = new int[nnz];
      for (int r = 0; r < expected.rows(); r++) {
        for (int p = expected.indptr()[r]; p < expected.indptr()[r + 1]; p++) rowOf[p] = r;
      }
      int[] order = new int[nnz];
      for (int i = 0; i < nnz; i++) order[i] = i;
      for (int i = nnz - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      CsrBuilder b = new CsrBuilder(1);
      for (int p : order) b.add(rowOf[p], expected.indices()[p], expected.values()[p]);
      assertEquals(nnz, b.size());
      assertEquals(expected, b.build(expected.rows(), expected.cols()), "trial " + trial);
    }
  }
}
