package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.data.CsrMatrix;
import org.junit.jupiter.api.Test;

/** A block's CSR, gathered columns and shipping lists, whatever order its ratings arrive in. */
class InBlockTest {
  private static RatingBuffer buffer(long[][] entries) {
    RatingBuffer b = new RatingBuffer();
    for (long[] e : entries) {
      b.add(e[0], e[1], Float.intBitsToFloat((int) e[2]));
    }
    return b;
  }

  private static long[] e(long row, long col, float value) {
    return new long[] {row, col, Float.floatToIntBits(value)};
  }

  @Test
  void rowsAndColumnsInIdOrderWithDuplicatesSummedInAFixedOrder() {
    long[][] entries = {e(90, 7, 1e8f), e(5, 300, 2f), e(90, 7, -1e8f), e(90, 7, 1f), e(5, 2, 3f),
        e(-4, 300, 0.5f)};
    long[][] reversed = new long[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      reversed[i] = entries[entries.length - 1 - i];
    }
    Blocks other = new Blocks(3);
    InBlock a = InBlock.of(buffer(entries), "user", other);
    InBlock b = InBlock.of(buffer(reversed), "user", other);
    assertArrayEquals(new long[] {-4, 5, 90}, a.ids);
    CsrMatrix m = a.matrix();
    assertEquals(3, m.cols()); // items 2, 7, 300 gathered in that order
    assertEquals(0.5f, m.get(0, 2));
    assertEquals(3f, m.get(1, 0));
    assertEquals(2f, m.get(1, 2));
    // summed in ascending order, (-1e8 + 1) + 1e8 = 0 in float; the order they came in gives 1
    assertEquals((-1e8f + 1f) + 1e8f, m.get(2, 1));
    assertEquals(a.matrix(), b.matrix());
    int gathered = 0;
    for (int blk = 0; blk < 3; blk++) {
      assertArrayEquals(a.needed[blk], b.needed[blk]);
      for (int i = 0; i < a.needed[blk].length; i++) {
        assertEquals(other.blockOf(a.needed[blk][i]), blk);
        long[] ids = {2, 7, 300};
        assertEquals(ids[a.columnOf[blk][i]], a.needed[blk][i]);
        gathered++;
      }
    }
    assertEquals(3, gathered);
  }

  @Test
  void duplicatesThatOverflowAreRefusedWithBothIds() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> InBlock.of(
        buffer(new long[][] {e(1, 2, 3e38f), e(1, 2, 3e38f)}), "user", new Blocks(1)));
    assertTrue(ex.getMessage().contains("user 1 and item 2"), ex.getMessage());
  }
}
