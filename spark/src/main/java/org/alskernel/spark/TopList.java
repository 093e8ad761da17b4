package org.alskernel.spark;

import java.io.Serializable;

/**
 * The best-scored ids found so far for one query id, highest score first, equal scores by the
 * lower id first, at most n of them: what one pair of chunks gives, and what merging gives.
 */
record TopList(long[] ids, float[] scores) implements Serializable {
  /** The best {@code n} of both lists, in the same order. */
  static TopList merge(TopList a, TopList b, int n) {
    int size = Math.min(n, a.ids.length + b.ids.length);
    long[] ids = new long[size];
    float[] scores = new float[size];
    int i = 0;
    int j = 0;
    for (int o = 0; o < size; o++) {
      boolean takeA = j == b.ids.length || (i < a.ids.length && before(a, i, b, j));
      if (takeA) {
        ids[o] = a.ids[i];
        scores[o] = a.scores[i++];
      } else {
        ids[o] = b.ids[j];
        scores[o] = b.scores[j++];
      }
    }
    return new TopList(ids, scores);
  }

  private static boolean before(TopList a, int i, TopList b, int j) {
    int order = Float.compare(b.scores[j], a.scores[i]);
    return order != 0 ? order < 0 : a.ids[i] < b.ids[j];
  }
}
