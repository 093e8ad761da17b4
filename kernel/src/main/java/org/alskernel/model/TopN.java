package org.alskernel.model;

/**
 * The n best (index, score) pairs of a stream, kept in a bounded min-heap on primitive arrays: O(log n)
 * per accepted candidate, no boxing, no sort of the whole catalogue. "Better" means a higher score, and
 * for equal scores the lower index, so the result is deterministic. NaN scores are ignored.
 *
 * <p>Reusable: {@link #reset} empties it without allocating. Not thread-safe.
 */
public final class TopN {
  private final int[] index;
  private final float[] score;
  private int n;
  private int size;

  /** A heap able to hold up to {@code capacity} entries. */
  public TopN(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be ≥ 0, got " + capacity);
    }
    index = new int[capacity];
    score = new float[capacity];
    n = capacity;
  }

  /** Empties the heap and sets how many entries to keep ({@code n ≤ capacity}). */
  public void reset(int n) {
    if (n < 0 || n > index.length) {
      throw new IllegalArgumentException("n = " + n + " not in [0, " + index.length + "]");
    }
    this.n = n;
    this.size = 0;
  }

  public int size() {
    return size;
  }

  /** True when (ia, sa) ranks below (ib, sb). */
  private static boolean worse(int ia, float sa, int ib, float sb) {
    return sa < sb || (sa == sb && ia > ib);
  }

  /** Offers a candidate; it is kept if it is among the n best so far. */
  public void offer(int i, float s) {
    if (s != s) {
      return;
    }
    if (size < n) {
      int c = size++;
      while (c > 0) {
        int p = (c - 1) >>> 1;
        if (!worse(i, s, index[p], score[p])) {
          break;
        }
        index[c] = index[p];
        score[c] = score[p];
        c = p;
      }
      index[c] = i;
      score[c] = s;
    } else if (n > 0 && worse(index[0], score[0], i, s)) {
      siftDown(i, s);
    }
  }

  /** Puts (i, s) at the root's place and restores the heap order below it. */
  private void siftDown(int i, float s) {
    int c = 0;
    while (true) {
      int l = 2 * c + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int w = r < size && worse(index[r], score[r], index[l], score[l]) ? r : l;
      if (!worse(index[w], score[w], i, s)) {
        break;
      }
      index[c] = index[w];
      score[c] = score[w];
      c = w;
    }
    index[c] = i;
    score[c] = s;
  }

  /**
   * Empties the heap into {@code outIndex}/{@code outScore}, best first; returns how many were
   * written.
   */
  public int drain(int[] outIndex, float[] outScore) {
    int count = size;
    for (int pos = count - 1; pos >= 0; pos--) {
      outIndex[pos] = index[0];
      outScore[pos] = score[0];
      int lastIndex = index[size - 1];
      float lastScore = score[size - 1];
      size--;
      if (size > 0) {
        siftDown(lastIndex, lastScore);
      }
    }
    return count;
  }
}
