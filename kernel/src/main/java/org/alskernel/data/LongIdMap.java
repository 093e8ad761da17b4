package org.alskernel.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Numeric ids in an open-addressing hash table with linear probing: keys in a {@code long[]}, indices
 * in an {@code int[]} (-1 marks a free slot, so every long, 0 included, is a legal id). Load factor at
 * most 1/2 keeps probe chains short; Fibonacci hashing spreads sequential ids, which are the common
 * case in rating files.
 */
final class LongIdMap extends IdMap {
  private static final int MAX_CAPACITY = 1 << 30;

  private long[] keys;
  private int[] slots;
  private long[] ids;
  private int size;
  private int shift;

  LongIdMap(int expectedIds) {
    int capacity = 16;
    while (capacity < MAX_CAPACITY && capacity < 2L * expectedIds) capacity <<= 1;
    allocate(capacity);
    ids = new long[Math.max(16, expectedIds)];
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private int home(long id) {
    return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
  }

  @Override
  public int indexOf(long id) {
    int mask = slots.length - 1;
    for (int s = home(id); ; s = (s + 1) & mask) {
      int v = slots[s];
      if (v < 0 || keys[s] == id) return v;
    }
  }

  @Override
  public int indexOf(String id) {
    try {
      return indexOf(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public int getOrAdd(long id) {
    int mask = slots.length - 1;
    int s = home(id);
    for (; ; s = (s + 1) & mask) {
      int v = slots[s];
      if (v < 0) break;
      if (keys[s] == id) return v;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
      mask = slots.length - 1;
      s = home(id);
      while (slots[s] >= 0) s = (s + 1) & mask;
    }
    if (size == ids.length) ids = Arrays.copyOf(ids, size + (size >> 1));
    keys[s] = id;
    slots[s] = size;
    ids[size] = id;
    return size++;
  }

  @Override
  public int getOrAdd(String id) {
    long value;
    try {
      value = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("id \"" + id + "\" is not a decimal long (numeric IdMap)", e);
    }
    return getOrAdd(value);
  }

  /** Doubles the table; the ids array already lists every key once, so re-insert from it. */
  private void grow() {
    if (slots.length >= MAX_CAPACITY) {
      throw new IllegalStateException("IdMap full: " + size + " ids");
    }
    allocate(slots.length << 1);
    int mask = slots.length - 1;
    for (int i = 0; i < size; i++) {
      long id = ids[i];
      int s = home(id);
      while (slots[s] >= 0) s = (s + 1) & mask;
      keys[s] = id;
      slots[s] = i;
    }
  }

  @Override
  public long longId(int index) {
    return ids[Objects.checkIndex(index, size)];
  }

  @Override
  public String id(int index) {
    return Long.toString(longId(index));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }
}
