package org.alskernel.eval;

import java.util.concurrent.ForkJoinPool;
import org.alskernel.data.CsrMatrix;
import org.alskernel.parallel.ParallelRunner;

/**
 * Ranking metrics at k of a {@link Ranker} on held-out data (definitions in docs/quality.md, "Ranking
 * quality"). For each user, the candidates are all items not in the user's training row; the
 * relevant items are the user's test items that are candidates. Users without a relevant item are
 * skipped. The ranking is by score, highest first, equal scores by lower item index first.
 *
 * <p>Users are evaluated in parallel in fixed chunks; each user's numbers are stored and summed in user
 * order, so the result does not depend on the thread count.
 */
public final class RankingEvaluator {
  private static final int CHUNK = 32;
  private static final int FIELDS = 5;

  private RankingEvaluator() {}

  /** Evaluates on {@code split} ({@code toCsr()} of each side) on the common pool. */
  public static RankingMetrics evaluate(Ranker ranker, Split split, int k) {
    return evaluate(ranker, split.train().toCsr(), split.test().toCsr(), k,
        ForkJoinPool.commonPool());
  }

  /**
   * @param train users × items: the items never ranked for a user (and so never relevant)
   * @param test users × items: the held-out items
   * @param pool where to run (null: the calling thread)
   * @throws IllegalArgumentException if k ≤ 0 or the shapes disagree with each other or the ranker
   */
  public static RankingMetrics evaluate(Ranker ranker, CsrMatrix train, CsrMatrix test, int k,
      ForkJoinPool pool) {
    if (k <= 0) {
      throw new IllegalArgumentException("the cut-off k must be ≥ 1, got " + k);
    }
    if (train.rows() != test.rows() || train.cols() != test.cols()
        || train.cols() != ranker.items() || train.rows() > ranker.users()) {
      throw new IllegalArgumentException("shapes disagree: train " + train.rows() + "x"
          + train.cols() + ", test " + test.rows() + "x" + test.cols() + ", ranker "
          + ranker.users() + " users x " + ranker.items() + " items");
    }
    int users = test.rows();
    double[] perUser = new double[users * FIELDS];
    boolean[] counted = new boolean[users];
    boolean[] aucCounted = new boolean[users];
    int chunks = (users + CHUNK - 1) / CHUNK;
    new ParallelRunner(pool).run(chunks, c -> {
      UserRanking scratch = new UserRanking(ranker.items(), k);
      int end = Math.min(users, (c + 1) * CHUNK);
      for (int u = c * CHUNK; u < end; u++) {
        if (test.rowLength(u) == 0) {
          continue;
        }
        ranker.score(u, scratch.scores);
        int result = scratch.evaluate(u, train, test, perUser, u * FIELDS);
        counted[u] = result > 0;
        aucCounted[u] = result > 1;
      }
    });
    double[] sum = new double[FIELDS];
    int n = 0;
    int nAuc = 0;
    for (int u = 0; u < users; u++) {
      if (counted[u]) {
        n++;
        for (int f = 0; f < 4; f++) {
          sum[f] += perUser[u * FIELDS + f];
        }
      }
      if (aucCounted[u]) {
        nAuc++;
        sum[4] += perUser[u * FIELDS + 4];
      }
    }
    return new RankingMetrics(k, mean(sum[0], n), mean(sum[1], n), mean(sum[2], n),
        mean(sum[3], n), mean(sum[4], nAuc), n, nAuc);
  }

  private static double mean(double sum, int n) {
    return n == 0 ? Double.NaN : sum / n;
  }
}
