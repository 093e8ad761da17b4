package org.alskernel.data.synthetic;

import java.util.SplittableRandom;

/**
 * Draws k distinct items from a weighted distribution, i.e. weighted sampling without replacement
 * (each draw proportional to weight among the items not yet drawn).
 *
 * <p>The fast path draws from an alias table and rejects items already taken (a scratch bitmap,
 * cleared per call). That is O(1) per draw while the taken items hold little of the mass, but
 * degrades when a draw must reach deep into the tail, e.g. long rows under a steep distribution.
 * After a budget of attempts (a small multiple of k) the call switches to a {@link WeightTree} with
 * the taken items' weights zeroed, O(log n) per draw, and restores the tree afterwards. Rejection
 * sampling produces exactly the sequential without-replacement process, and the switch depends only
 * on what has happened so far, so the combined draw has the same distribution either way.
 */
final class DistinctSampler {
  private final long[] weights;
  private final AliasTable alias;
  private final WeightTree tree;
  private final long[] taken;
  private final long attemptsPerItem;
  private final long attemptsSlack;

  DistinctSampler(long[] weights) {
    this(weights, 4, 64);
  }

  /** Rejection gives up after {@code attemptsPerItem * k + attemptsSlack} draws; tests vary these. */
  DistinctSampler(long[] weights, long attemptsPerItem, long attemptsSlack) {
    this.attemptsPerItem = attemptsPerItem;
    this.attemptsSlack = attemptsSlack;
    this.weights = weights;
    this.alias = new AliasTable(weights);
    this.tree = new WeightTree(weights);
    this.taken = new long[(weights.length + 63) >>> 6];
  }

  int size() {
    return weights.length;
  }

  /** Writes k distinct items, in draw order, to {@code dst[off .. off+k)}; requires k <= size(). */
  void sample(int k, int[] dst, int off, SplittableRandom rnd) {
    int n = weights.length;
    if (k == n) { // nothing to choose: every item
      for (int i = 0; i < n; i++) dst[off + i] = i;
      return;
    }
    int got = 0;
    long budget = attemptsPerItem * k + attemptsSlack;
    for (long attempts = 0; got < k; attempts++) {
      if (attempts == budget) {
        completeFromTree(k, got, dst, off, rnd);
        got = k;
        break;
      }
      int item = alias.sample(rnd);
      long bit = 1L << item;
      if ((taken[item >>> 6] & bit) == 0) {
        taken[item >>> 6] |= bit;
        dst[off + got++] = item;
      }
    }
    for (int i = 0; i < got; i++) {
      taken[dst[off + i] >>> 6] = 0; // clears whole words: cheaper than per-bit, same result
    }
  }

  private void completeFromTree(int k, int got, int[] dst, int off, SplittableRandom rnd) {
    for (int i = 0; i < got; i++) {
      int item = dst[off + i];
      tree.add(item, -weights[item]);
    }
    for (int i = got; i < k; i++) {
      int item = tree.find(rnd.nextLong(tree.total()));
      tree.add(item, -weights[item]);
      dst[off + i] = item;
    }
    for (int i = 0; i < k; i++) {
      int item = dst[off + i];
      tree.add(item, weights[item]);
    }
  }
}
