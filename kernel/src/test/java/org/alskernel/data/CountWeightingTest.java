package org.alskernel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BM25 and TF-IDF against the formulas written out by hand on a small matrix. */
class CountWeightingTest {
  // 4 users × 3 items; item 2 is had by every user, item 1 by one
  private static final float[][] COUNTS = {
    {3, 0, 1},
    {0, 0, 5},
    {10, 2, 1},
    {1, 0, 40},
  };

  private static CsrMatrix counts() {
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < COUNTS.length; u++) {
      for (int i = 0; i < COUNTS[u].length; i++) {
        if (COUNTS[u][i] != 0) b.add(u, i, COUNTS[u][i]);
      }
    }
    return b.build(4, 3);
  }

  @Test
  void bm25IsTheFormula() {
    float k1 = 1.2f;
    float b = 0.75f;
    CsrMatrix w = CountWeighting.bm25(counts(), k1, b);
    double[] df = {3, 1, 4};
    double[] total = {4, 5, 13, 41};
    double average = (4 + 5 + 13 + 41) / 4.0;
    for (int u = 0; u < 4; u++) {
      for (int i = 0; i < 3; i++) {
        double r = COUNTS[u][i];
        if (r == 0) continue;
        double idf = Math.log(4) - Math.log(1 + df[i]);
        double length = (1 - b) + b * total[u] / average;
        double expected = r * (k1 + 1) / (k1 * length + r) * idf;
        assertEquals(expected, w.get(u, i), 1e-6 * Math.max(1, Math.abs(expected)), "user " + u + ", item " + i);
      }
    }
    assertTrue(w.get(0, 2) < 0, "an item every user has gets a weight ≤ 0");
    assertEquals(counts().nnz(), w.nnz());
  }

  @Test
  void tfidfIsTheFormula() {
    CsrMatrix w = CountWeighting.tfidf(counts());
    assertEquals(Math.sqrt(10) * (Math.log(4) - Math.log(4)), w.get(2, 0), 1e-6);
    assertEquals(Math.sqrt(2) * (Math.log(4) - Math.log(2)), w.get(2, 1), 1e-6);
    assertEquals(Math.sqrt(40) * (Math.log(4) - Math.log(5)), w.get(3, 2), 1e-6);
  }

  @Test
  void interactionsAreSummedFirstAndKeepTheirIds() {
    IdMap users = IdMap.forStrings();
    IdMap items = IdMap.forStrings();
    for (String id : new String[] {"a", "b"}) users.getOrAdd(id);
    for (String id : new String[] {"x", "y"}) items.getOrAdd(id);
    // user a has item x twice (2 + 1 = 3 plays)
    Interactions d = new Interactions(users, items, new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1},
        new float[] {2, 1, 4, 7}, new long[] {5, 6, 7, 8});
    Interactions w = CountWeighting.bm25(d, 100f, 0.8f);
    assertEquals(3, w.size());
    CsrMatrix expected = CountWeighting.bm25(d.toCsr(), 100f, 0.8f);
    assertEquals(expected, w.toCsr());
    assertEquals(users, w.users());
    assertTrue(!w.hasTimestamps());
  }

  @Test
  void badSettingsAndNegativeCountsAreRefusedByName() {
    CsrMatrix c = counts();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CountWeighting.bm25(c, -1f, 0.5f))
        .getMessage().contains("BM25 K1 must be a finite number ≥ 0, got -1.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CountWeighting.bm25(c, 1f, 1.5f))
        .getMessage().contains("BM25 B must be in [0, 1], got 1.5"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CountWeighting.bm25(c, 1f, Float.NaN))
        .getMessage().contains("BM25 B must be in [0, 1]"));
    CsrMatrix negative = new CsrBuilder().add(0, 1, 2f).add(1, 0, -3f).build(2, 2);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CountWeighting.tfidf(negative))
        .getMessage().contains("row 1, column 0 holds -3.0"));
    CsrMatrix zeros = new CsrBuilder().add(0, 0, 0f).build(1, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CountWeighting.tfidf(zeros))
        .getMessage().contains("need some count above 0"));
  }
}
