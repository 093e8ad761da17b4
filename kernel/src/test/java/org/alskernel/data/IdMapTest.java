package org.alskernel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdMapTest {
  @Test
  void longIdsGetDenseIndicesInFirstSeenOrder() {
    IdMap m = IdMap.forLongs();
    assertTrue(m.isNumeric());
    assertEquals(0, m.getOrAdd(196));
    assertEquals(1, m.getOrAdd(186));
    assertEquals(0, m.getOrAdd(196));
    assertEquals(2, m.getOrAdd(0));
    assertEquals(3, m.getOrAdd(-5));
    assertEquals(4, m.getOrAdd(Long.MIN_VALUE));
    assertEquals(5, m.getOrAdd(Long.MAX_VALUE));
    assertEquals(6, m.size());
    assertEquals(1, m.indexOf(186));
    assertEquals(2, m.indexOf(0));
    assertEquals(-1, m.indexOf(7));
    assertEquals(186, m.longId(1));
    assertEquals(Long.MIN_VALUE, m.longId(4));
    assertEquals("-5", m.id(3));
  }

  @Test
  void longMapMatchesHashMapThroughManyGrowths() {
    IdMap m = IdMap.forLongs();
    HashMap<Long, Integer> reference = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 300_000; n++) {
      // Mix of sequential, clustered and wide ids, with many repeats.
      long id = switch (n % 3) {
        case 0 -> random.nextInt(100_000);
        case 1 -> random.nextInt(1000) * 1024L;
        default -> random.nextLong();
      };
      int expected = reference.computeIfAbsent(id, k -> reference.size());
      assertEquals(expected, m.getOrAdd(id));
    }
    assertEquals(reference.size(), m.size());
    reference.forEach((id, index) -> {
      assertEquals(index, m.indexOf(id));
      assertEquals(id, m.longId(index));
    });
  }

  @Test
  void numericMapReadsStringArgumentsAsDecimalLongs() {
    IdMap m = IdMap.forLongs();
    assertEquals(0, m.getOrAdd("42"));
    assertEquals(0, m.getOrAdd(42));
    assertEquals(0, m.indexOf("42"));
    assertEquals(-1, m.indexOf("abc"));
    assertEquals(-1, m.indexOf("43"));
    assertThrows(IllegalArgumentException.class, () -> m.getOrAdd("abc"));
    assertEquals(1, m.size());
  }

  @Test
  void stringIds() {
    IdMap m = IdMap.forStrings();
    assertFalse(m.isNumeric());
    assertEquals(0, m.getOrAdd("alice"));
    assertEquals(1, m.getOrAdd("bob"));
    assertEquals(0, m.getOrAdd("alice"));
    assertEquals(2, m.getOrAdd(17));
    assertEquals(2, m.indexOf("17"));
    assertEquals(2, m.indexOf(17));
    assertEquals(-1, m.indexOf("carol"));
    assertEquals("bob", m.id(1));
    assertEquals(3, m.size());
    assertThrows(UnsupportedOperationException.class, () -> m.longId(0));
  }

  @Test
  void indicesOutsideTheMapAreRefused() {
    IdMap longs = IdMap.forLongs();
    longs.getOrAdd(1);
    assertThrows(IndexOutOfBoundsException.class, () -> longs.longId(1));
    assertThrows(IndexOutOfBoundsException.class, () -> longs.id(-1));
    IdMap strings = IdMap.forStrings();
    assertThrows(IndexOutOfBoundsException.class, () -> strings.id(0));
  }
}
