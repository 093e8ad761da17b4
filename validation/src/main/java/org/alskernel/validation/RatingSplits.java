package org.alskernel.validation;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;

/**
 * The train/test splits of the rating-quality protocol (docs/quality.md), kept in the validation
 * module for now: a temporal split (sort by timestamp, the first part trains) and a seeded random one.
 * Test ratings are kept only when their user has at least {@code minUserTrain} training ratings and
 * their item appears in training, so every test pair is one the model could have learnt something
 * about. Both matrices use the full index space of the source (users × items).
 */
public final class RatingSplits {
  private RatingSplits() {}

  /** A training matrix and the filtered test matrix, same shape. */
  public record Split(CsrMatrix train, CsrMatrix test) {}

  /**
   * Sorts the entries by timestamp (ties keep source order) and trains on the first
   * {@code trainFraction} of them; the rest is the test set.
   */
  public static Split temporal(Interactions data, double trainFraction, int minUserTrain) {
    return temporalWindow(data, trainFraction, 1.0, minUserTrain);
  }

  /**
   * As {@link #temporal} but the test set is only the entries in the time-ordered window
   * [trainFraction, endFraction). {@code temporalWindow(data, 0.72, 0.8, m)} is the validation split
   * of a search that must not see the last 20%: the last 10% of the first 80% by time.
   */
  public static Split temporalWindow(Interactions data, double trainFraction, double endFraction,
      int minUserTrain) {
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException("a temporal split needs timestamps: " + data);
    }
    long[] time = data.timestamp();
    Integer[] order = new Integer[data.size()];
    for (int e = 0; e < order.length; e++) {
      order[e] = e;
    }
    Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : a - b);
    int[] sorted = new int[order.length];
    for (int e = 0; e < sorted.length; e++) {
      sorted[e] = order[e];
    }
    return cut(data, sorted, trainFraction, endFraction, minUserTrain);
  }

  /** Shuffles the entries with {@code SplittableRandom(seed)} (Fisher–Yates) and cuts them. */
  public static Split random(Interactions data, double trainFraction, int minUserTrain, long seed) {
    int[] order = new int[data.size()];
    for (int e = 0; e < order.length; e++) {
      order[e] = e;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int e = order.length - 1; e > 0; e--) {
      int j = rnd.nextInt(e + 1);
      int t = order[e];
      order[e] = order[j];
      order[j] = t;
    }
    return cut(data, order, trainFraction, 1.0, minUserTrain);
  }

  private static Split cut(Interactions data, int[] order, double trainFraction,
      double endFraction, int minUserTrain) {
    if (!(trainFraction > 0 && trainFraction < endFraction && endFraction <= 1)) {
      throw new IllegalArgumentException("need 0 < trainFraction < endFraction ≤ 1, got "
          + trainFraction + " and " + endFraction);
    }
    int cut = (int) Math.round(data.size() * trainFraction);
    int end = (int) Math.round(data.size() * endFraction);
    int users = data.users().size();
    int items = data.items().size();
    int[] u = data.userIndex();
    int[] i = data.itemIndex();
    float[] v = data.value();
    CsrBuilder train = new CsrBuilder(cut);
    int[] userCount = new int[users];
    int[] itemCount = new int[items];
    for (int p = 0; p < cut; p++) {
      int e = order[p];
      train.add(u[e], i[e], v[e]);
      userCount[u[e]]++;
      itemCount[i[e]]++;
    }
    CsrBuilder test = new CsrBuilder(end - cut);
    for (int p = cut; p < end; p++) {
      int e = order[p];
      if (userCount[u[e]] >= minUserTrain && itemCount[i[e]] > 0) {
        test.add(u[e], i[e], v[e]);
      }
    }
    return new Split(train.build(users, items), test.build(users, items));
  }
}
