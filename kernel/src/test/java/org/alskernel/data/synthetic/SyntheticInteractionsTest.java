package org.alskernel.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.junit.jupiter.api.Test;

class SyntheticInteractionsTest {

  private static void assertMentions(Exception e, String... fragments) {
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' should mention '" + f + "'");
    }
  }

  /** Every CSR invariant (sorted rows, no duplicate pair, range) plus shape, nnz and value range. */
  private static void assertWellFormed(CsrMatrix m, int rows, int cols, int nnz, int min, int max) {
    m.validate(); // strictly increasing columns per row: no (row, col) pair twice
    assertEquals(rows, m.rows());
    assertEquals(cols, m.cols());
    assertEquals(nnz, m.nnz());
    for (float v : m.values()) {
      assertTrue(v >= min && v <= max && v == Math.rint(v), () -> "value " + v);
    }
  }

  @Test
  void sameSeedSameMatrixBitForBit() {
    SyntheticInteractions g = SyntheticInteractions.shape(2_000, 500, 30_000);
    CsrMatrix a = g.generate(17);
    assertEquals(a, g.generate(17));
    assertEquals(a, SyntheticInteractions.shape(2_000, 500, 30_000).generate(17));
    assertNotEquals(a, g.generate(18));
  }

  @Test
  void exactShapeNnzAndValueRange() {
    assertWellFormed(SyntheticInteractions.shape(2_000, 500, 30_000).generate(1), 2_000, 500, 30_000, 1, 10);
    assertWellFormed(
        SyntheticInteractions.shape(300, 700, 12_345).values(3, 5).generate(2), 300, 700, 12_345, 3, 5);
    assertWellFormed(SyntheticInteractions.shape(1, 1, 1).values(7, 7).generate(3), 1, 1, 1, 7, 7);
  }

  @Test
  void valuesCoverTheWholeRange() {
    CsrMatrix m = SyntheticInteractions.shape(100, 100, 2_000).values(1, 10).generate(4);
    boolean[] seen = new boolean[11];
    for (float v : m.values()) seen[(int) v] = true;
    for (int v = 1; v <= 10; v++) assertTrue(seen[v], "value " + v + " never drawn");
  }

  @Test
  void edgeShapes() {
    assertWellFormed(SyntheticInteractions.shape(0, 0, 0).generate(1), 0, 0, 0, 1, 10);
    assertWellFormed(SyntheticInteractions.shape(5, 0, 0).generate(1), 5, 0, 0, 1, 10);
    assertWellFormed(SyntheticInteractions.shape(0, 5, 0).generate(1), 0, 5, 0, 1, 10);
    assertWellFormed(SyntheticInteractions.shape(50, 40, 0).generate(1), 50, 40, 0, 1, 10);
    // completely full, and one short of full: every row is (nearly) every column
    assertWellFormed(SyntheticInteractions.shape(50, 40, 2_000).generate(1), 50, 40, 2_000, 1, 10);
    assertWellFormed(SyntheticInteractions.shape(50, 40, 1_999).generate(1), 50, 40, 1_999, 1, 10);
    // fewer entries than rows: some rows must stay empty
    assertWellFormed(SyntheticInteractions.shape(1_000, 40, 10).generate(1), 1_000, 40, 10, 1, 10);
  }

  @Test
  void steepAndFlatExponents() {
    // Steep item skew makes rejection of duplicates hopeless for long rows: this exercises the
    // switch to the weight tree. Flat (0) gives uniform rows and columns.
    CsrMatrix steep =
        SyntheticInteractions.shape(400, 300, 60_000).itemExponent(3.0).userExponent(2.0).generate(5);
    assertWellFormed(steep, 400, 300, 60_000, 1, 10);
    assertEquals(steep, SyntheticInteractions.shape(400, 300, 60_000).itemExponent(3.0).userExponent(2.0).generate(5));

    CsrMatrix flat =
        SyntheticInteractions.shape(400, 300, 12_000).itemExponent(0).userExponent(0).generate(5);
    assertWellFormed(flat, 400, 300, 12_000, 1, 10);
    for (int r = 0; r < 400; r++) assertEquals(30, flat.rowLength(r), "row " + r);
  }

  @Test
  void bothSidesAreSkewed() {
    CsrMatrix m = SyntheticInteractions.shape(5_000, 2_000, 100_000).generate(6);
    double topItems = topShare(columnCounts(m), 0.01);
    double topUsers = topShare(rowLengths(m), 0.01);
    // Zipf(1.0) over 2,000 items puts roughly a third of the mass on the top 20; Zipf(0.4) rows give
    // the top 1% of 5,000 users about 6% of the entries. A uniform generator would give about 1% each.
    assertTrue(topItems > 0.15, "top 1% of items hold " + topItems);
    assertTrue(topUsers > 0.04, "top 1% of users hold " + topUsers);

    CsrMatrix flat = SyntheticInteractions.shape(5_000, 2_000, 100_000).itemExponent(0).userExponent(0).generate(6);
    assertTrue(topShare(columnCounts(flat), 0.01) < 0.02);
    assertTrue(topShare(rowLengths(flat), 0.01) < 0.02);
  }

  @Test
  void heavyRowsAndColumnsAreScatteredNotAtIndexZero() {
    CsrMatrix m = SyntheticInteractions.shape(5_000, 2_000, 100_000).generate(7);
    int[] counts = columnCounts(m);
    int argmax = 0;
    for (int c = 1; c < counts.length; c++) if (counts[c] > counts[argmax]) argmax = c;
    // the most popular item is a seeded random id: not reliably 0 across seeds
    int argmaxOther = 0;
    int[] other = columnCounts(SyntheticInteractions.shape(5_000, 2_000, 100_000).generate(8));
    for (int c = 1; c < other.length; c++) if (other[c] > other[argmaxOther]) argmaxOther = c;
    assertNotEquals(argmax, argmaxOther);
  }

  @Test
  void refusesInvalidArguments() {
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SyntheticInteractions.shape(-1, 5, 0)),
        "negative shape", "-1x5");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SyntheticInteractions.shape(5, -2, 0)),
        "negative shape", "5x-2");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SyntheticInteractions.shape(5, 5, -1)),
        "negative nnz -1");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SyntheticInteractions.shape(5, 4, 21)),
        "nnz 21", "rows * cols = 20", "5x4");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SyntheticInteractions.shape(0, 4, 1)),
        "nnz 1", "rows * cols = 0");
    SyntheticInteractions g = SyntheticInteractions.shape(5, 5, 5);
    for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertMentions(
          assertThrows(IllegalArgumentException.class, () -> g.itemExponent(bad)), "item exponent", "" + bad);
      assertMentions(
          assertThrows(IllegalArgumentException.class, () -> g.userExponent(bad)), "user exponent", "" + bad);
    }
    assertMentions(assertThrows(IllegalArgumentException.class, () -> g.values(0, 5)), "value range 0..5");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> g.values(6, 5)), "value range 6..5");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> g.values(1, (1 << 24) + 1)), "value range 1..16777217");
  }

  @Test
  void benchmarkPresetAtFullSize() {
    long t0 = System.nanoTime();
    CsrMatrix m = SyntheticInteractions.benchmark100k(42);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertWellFormed(m, 100_000, 20_000, 5_000_000, 1, 10);
    // about 0.2 s on a 2-core machine; generous bound for loaded CI
    assertTrue(millis < 5_000, "benchmark100k took " + millis + " ms");
    assertTrue(topShare(columnCounts(m), 0.01) > 0.15);
  }

  private static int[] columnCounts(CsrMatrix m) {
    int[] counts = new int[m.cols()];
    for (int c : m.indices()) counts[c]++;
    return counts;
  }

  private static int[] rowLengths(CsrMatrix m) {
    int[] lengths = new int[m.rows()];
    for (int r = 0; r < m.rows(); r++) lengths[r] = m.rowLength(r);
    return lengths;
  }

  /** Share of all entries held by the top {@code fraction} of the counts. */
  private static double topShare(int[] counts, double fraction) {
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    int top = Math.max(1, (int) (sorted.length * fraction));
    long total = 0;
    long head = 0;
    for (int i = 0; i < sorted.length; i++) {
      total += sorted[i];
      if (i >= sorted.length - top) head += sorted[i];
    }
    return head / (double) total;
  }
}
