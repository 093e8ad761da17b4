package org.alskernel.eval;

import org.alskernel.data.Interactions;

/** Orders of entry positions that the splits need, on primitive arrays. */
final class EntryOrder {
  private EntryOrder() {}

  /** 0..n−1 stably sorted by timestamp (equal timestamps keep source order); a merge sort. */
  static int[] byTime(long[] timestamp) {
    int n = timestamp.length;
    int[] a = new int[n];
    for (int e = 0; e < n; e++) {
      a[e] = e;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
          // <= takes from the left run on ties: that is what keeps the sort stable
          if (i < mid && (j >= hi || timestamp[a[i]] <= timestamp[a[j]])) {
            b[o] = a[i++];
          } else {
            b[o] = a[j++];
          }
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * Groups {@code order} (a permutation of the entries) by user, keeping the given order within each
   * user: a counting sort. {@code start} (users + 1 long) receives each user's range.
   */
  static int[] byUser(Interactions data, int[] order, int[] start) {
    int[] user = data.userIndex();
    for (int e : order) {
      start[user[e] + 1]++;
    }
    for (int u = 0; u + 1 < start.length; u++) {
      start[u + 1] += start[u];
    }
    int[] next = java.util.Arrays.copyOf(start, start.length - 1);
    int[] grouped = new int[order.length];
    for (int e : order) {
      grouped[next[user[e]]++] = e;
    }
    return grouped;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int e = 0; e < n; e++) {
      a[e] = e;
    }
    return a;
  }
}
