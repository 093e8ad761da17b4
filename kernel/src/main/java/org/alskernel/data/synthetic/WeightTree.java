package org.alskernel.data.synthetic;

/**
 * A Fenwick (binary indexed) tree over integer weights: O(log n) to change a weight and to draw the
 * index whose cumulative-weight interval contains a given number. Used to sample without replacement
 * when rejecting duplicates from an {@link AliasTable} stops paying off: a drawn item's weight is set
 * to zero, so it cannot be drawn again.
 */
final class WeightTree {
  private final long[] tree; // 1-based
  private final int highBit;
  private long total;

  WeightTree(long[] weights) {
    int n = weights.length;
    tree = new long[n + 1];
    for (int i = 1; i <= n; i++) {
      tree[i] += weights[i - 1];
      total += weights[i - 1];
      int parent = i + (i & -i);
      if (parent <= n) tree[parent] += tree[i];
    }
    highBit = n == 0 ? 0 : Integer.highestOneBit(n);
  }

  long total() {
    return total;
  }

  void add(int index, long delta) {
    total += delta;
    for (int i = index + 1; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** The smallest index whose cumulative weight exceeds {@code x}; requires 0 <= x < total(). */
  int find(long x) {
    int pos = 0;
    for (int step = highBit; step > 0; step >>= 1) {
      int next = pos + step;
      if (next < tree.length && tree[next] <= x) {
        pos = next;
        x -= tree[next];
      }
    }
    return pos; // 1-based pos is the last index with prefix <= x, so 0-based pos is the answer
  }
}
