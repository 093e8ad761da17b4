package org.alskernel.eval;

import org.alskernel.data.CsrMatrix;

/**
 * The baseline every personalised model has to beat: items ranked by how many training users have
 * them (stored entries per column, whatever their values), the same list for every user.
 */
public final class PopularityRanker implements Ranker {
  private final int users;
  private final float[] counts;

  private PopularityRanker(int users, float[] counts) {
    this.users = users;
    this.counts = counts;
  }

  /** Counts each item's users in {@code train} (users × items). */
  public static PopularityRanker fit(CsrMatrix train) {
    float[] counts = new float[train.cols()];
    int[] indices = train.indices();
    for (int p = 0; p < indices.length; p++) {
      counts[indices[p]] += 1f; // exact: counts stay far below 2^24
    }
    return new PopularityRanker(train.rows(), counts);
  }

  @Override
  public int users() {
    return users;
  }

  @Override
  public int items() {
    return counts.length;
  }

  @Override
  public void score(int user, float[] out) {
    if (user < 0 || user >= users) {
      throw new IndexOutOfBoundsException("user index " + user + " not in [0, " + users + ")");
    }
    System.arraycopy(counts, 0, out, 0, counts.length);
  }
}
