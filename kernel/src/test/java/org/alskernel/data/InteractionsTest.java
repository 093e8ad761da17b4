package org.alskernel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InteractionsTest {
  private static IdMap ids(long... external) {
    IdMap m = IdMap.forLongs();
    for (long id : external) m.getOrAdd(id);
    return m;
  }

  @Test
  void toCsrSumsDuplicatesAndUsesTheIdMapShape() {
    Interactions x = new Interactions(
        ids(10, 20, 30), ids(7, 8, 9, 11),
        new int[] {0, 1, 0, 0},
        new int[] {2, 0, 2, 1},
        new float[] {1f, 2f, 3f, 4f},
        null);
    assertFalse(x.hasTimestamps());
    CsrMatrix m = x.toCsr();
    assertEquals(3, m.rows()); // user 30 has no entries but still has a row
    assertEquals(4, m.cols());
    assertEquals(3, m.nnz());
    assertEquals(4f, m.get(0, 2));
    assertEquals(4f, m.get(0, 1));
    assertEquals(2f, m.get(1, 0));
  }

  @Test
  void atLeastKeepsEntriesAndIdsAndBinarySetsOne() {
    Interactions x = new Interactions(ids(10, 20), ids(7, 8, 9), new int[] {0, 1, 0, 1},
        new int[] {0, 1, 2, 2}, new float[] {5f, 3f, 4f, 1f}, new long[] {1, 2, 3, 4});
    Interactions liked = x.atLeast(4f).binary();
    assertEquals(2, liked.size());
    assertEquals(x.users(), liked.users());
    assertEquals(x.items(), liked.items());
    assertEquals(0, liked.itemIndex()[0]);
    assertEquals(2, liked.itemIndex()[1]);
    assertEquals(1f, liked.value()[0]);
    assertEquals(1f, liked.value()[1]);
    assertEquals(3L, liked.timestamp()[1]);
    assertEquals(4f, x.atLeast(4f).value()[1]);
    assertThrows(IllegalArgumentException.class, () -> x.atLeast(Float.NaN));
  }

  @Test
  void refusesInconsistentArrays() {
    assertThrows(IllegalArgumentException.class, () -> new Interactions(
        ids(1), ids(1), new int[] {0}, new int[] {0, 0}, new float[] {1f}, null));
    assertThrows(IllegalArgumentException.class, () -> new Interactions(
        ids(1), ids(1), new int[] {0}, new int[] {0}, new float[] {1f}, new long[2]));
    assertThrows(IllegalArgumentException.class, () -> new Interactions(
        ids(1), ids(1), new int[] {1}, new int[] {0}, new float[] {1f}, null));
    assertThrows(IllegalArgumentException.class, () -> new Interactions(
        ids(1), ids(1), new int[] {0}, new int[] {0}, new float[] {Float.NaN}, null));
  }
}
