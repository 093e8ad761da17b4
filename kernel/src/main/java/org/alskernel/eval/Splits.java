package org.alskernel.eval;

import java.util.SplittableRandom;
import org.alskernel.data.Interactions;

/**
 * Seeded train/test splits. The same data, arguments and seed give the same split bit for bit: one
 * {@link SplittableRandom} drives every draw in a fixed order (entries, or users in index order), and
 * nothing depends on hashing or threads. Counts are rounded to the nearest integer (half up).
 */
public final class Splits {
  private Splits() {}

  /** Exactly round(testFraction·n) entries, drawn uniformly without replacement, go to test. */
  public static Split random(Interactions data, double testFraction, long seed) {
    checkFraction(testFraction);
    int n = data.size();
    int testCount = (int) Math.round(testFraction * n);
    boolean[] test = new boolean[n];
    drawInto(EntryOrder.identity(n), 0, n, testCount, new SplittableRandom(seed), test);
    return partition(data, test);
  }

  /**
   * For each user in index order, round(testFraction·c) of its c entries, drawn uniformly, go to test
   * (so a user with one entry keeps it in train when the fraction is below 1/2).
   */
  public static Split perUser(Interactions data, double testFraction, long seed) {
    checkFraction(testFraction);
    int[] start = new int[data.users().size() + 1];
    int[] grouped = EntryOrder.byUser(data, EntryOrder.identity(data.size()), start);
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] test = new boolean[data.size()];
    for (int u = 0; u + 1 < start.length; u++) {
      int c = start[u + 1] - start[u];
      drawInto(grouped, start[u], start[u + 1], (int) Math.round(testFraction * c), random, test);
    }
    return partition(data, test);
  }

  /**
   * Entries sorted by timestamp (stable: equal timestamps keep source order); the last
   * round(testFraction·n) go to test, the rest, all earlier or equal in time, to train.
   *
   * @throws IllegalArgumentException when the data has no timestamps
   */
  public static Split temporal(Interactions data, double testFraction) {
    checkFraction(testFraction);
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException(
          "a temporal split needs timestamps, but " + data + " has none");
    }
    int n = data.size();
    int[] order = EntryOrder.byTime(data.timestamp());
    boolean[] test = new boolean[n];
    for (int j = n - (int) Math.round(testFraction * n); j < n; j++) {
      test[order[j]] = true;
    }
    return partition(data, test);
  }

  /**
   * For each user with more than k entries, k of them go to test: the k most recent when the data has
   * timestamps (ties broken by source order, later counts as more recent), else k drawn uniformly
   * with {@code seed}. Users with k entries or fewer stay wholly in train.
   */
  public static Split leaveKOut(Interactions data, int k, long seed) {
    if (k <= 0) {
      throw new IllegalArgumentException("leave-k-out needs k ≥ 1, got " + k);
    }
    int n = data.size();
    int[] order = data.hasTimestamps() ? EntryOrder.byTime(data.timestamp()) : EntryOrder.identity(n);
    int[] start = new int[data.users().size() + 1];
    int[] grouped = EntryOrder.byUser(data, order, start);
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] test = new boolean[n];
    for (int u = 0; u + 1 < start.length; u++) {
      int from = start[u];
      int to = start[u + 1];
      if (to - from <= k) {
        continue;
      }
      if (data.hasTimestamps()) {
        for (int j = to - k; j < to; j++) {
          test[grouped[j]] = true;
        }
      } else {
        drawInto(grouped, from, to, k, random, test);
      }
    }
    return partition(data, test);
  }

  /** Marks {@code count} of {@code pool[from..to)} as test by a partial Fisher–Yates shuffle. */
  private static void drawInto(int[] pool, int from, int to, int count, SplittableRandom random,
      boolean[] test) {
    for (int j = 0; j < count; j++) {
      int r = from + j + random.nextInt(to - from - j);
      int chosen = pool[r];
      pool[r] = pool[from + j];
      pool[from + j] = chosen;
      test[chosen] = true;
    }
  }

  private static void checkFraction(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("the test fraction must be in (0, 1), got " + fraction);
    }
  }

  /** The two sides in source order, sharing the IdMaps. */
  static Split partition(Interactions data, boolean[] test) {
    int n = data.size();
    int testCount = 0;
    for (boolean t : test) {
      if (t) {
        testCount++;
      }
    }
    return new Split(side(data, test, false, n - testCount), side(data, test, true, testCount));
  }

  private static Interactions side(Interactions data, boolean[] test, boolean want, int count) {
    int[] users = new int[count];
    int[] items = new int[count];
    float[] values = new float[count];
    long[] times = data.hasTimestamps() ? new long[count] : null;
    int o = 0;
    for (int e = 0; e < test.length; e++) {
      if (test[e] == want) {
        users[o] = data.userIndex()[e];
        items[o] = data.itemIndex()[e];
        values[o] = data.value()[e];
        if (times != null) {
          times[o] = data.timestamp()[e];
        }
        o++;
      }
    }
    return new Interactions(data.users(), data.items(), users, items, values, times);
  }
}
