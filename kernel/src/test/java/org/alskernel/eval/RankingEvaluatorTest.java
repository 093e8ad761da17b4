package org.alskernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.junit.jupiter.api.Test;

/** Every metric against numbers worked out by hand (docs/quality.md has the definitions). */
class RankingEvaluatorTest {
  private static final double TOL = 1e-12;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  /** A ranker that returns a fixed score table. */
  static Ranker table(float[][] scores) {
    return new Ranker() {
      @Override
      public int users() {
        return scores.length;
      }

      @Override
      public int items() {
        return scores[0].length;
      }

      @Override
      public void score(int user, float[] out) {
        System.arraycopy(scores[user], 0, out, 0, scores[user].length);
      }
    };
  }

  static CsrMatrix matrix(int rows, int cols, int[][] entries) {
    CsrBuilder b = new CsrBuilder();
    for (int[] e : entries) {
      b.add(e[0], e[1], 1f);
    }
    return b.build(rows, cols);
  }

  // 4 users, 5 items, the same scores for everyone: item 0 best (9), then 2 (5), then 1, 3, 4 tied (3).
  private static final float[] SCORES = {9f, 3f, 5f, 3f, 3f};
  private static final Ranker RANKER = table(new float[][] {SCORES, SCORES, SCORES, SCORES});
  // user 0: trained on item 0, test items 1 and 3; ranking of its candidates: 2, 1, 3, 4
  // user 1: no test items (skipped)
  // user 2: its only test item is also a training item (not relevant: skipped)
  // user 3: nothing in train, test item 0 (ranked first)
  private static final CsrMatrix TRAIN = matrix(4, 5, new int[][] {{0, 0}, {1, 1}, {2, 4}});
  private static final CsrMatrix TEST = matrix(4, 5, new int[][] {{0, 1}, {0, 3}, {2, 4}, {3, 0}});

  @Test
  void userZeroAloneAtK2() {
    CsrMatrix test = matrix(4, 5, new int[][] {{0, 1}, {0, 3}});
    RankingMetrics m = RankingEvaluator.evaluate(RANKER, TRAIN, test, 2, null);
    assertEquals(1, m.users());
    assertEquals(0.5, m.precision(), TOL); // list [2, 1]: one hit of 2
    assertEquals(0.5, m.recall(), TOL); // one of two relevant
    assertEquals(0.25, m.map(), TOL); // (1/2 at rank 2) / min(2, 2)
    assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), m.ndcg(), TOL);
    // positives score 3, 3; negatives 5, 3: each positive wins nothing and ties once -> 0.5 of 2
    assertEquals(0.25, m.auc(), TOL);
  }

  @Test
  void kLargerThanTheCatalogue() {
    CsrMatrix test = matrix(4, 5, new int[][] {{0, 1}, {0, 3}});
    RankingMetrics m = RankingEvaluator.evaluate(RANKER, TRAIN, test, 10, null);
    // the list is all 4 candidates [2, 1, 3, 4]; hits at ranks 2 and 3
    assertEquals(2.0 / 10, m.precision(), TOL); // the denominator stays k
    assertEquals(1.0, m.recall(), TOL);
    assertEquals((1.0 / 2 + 2.0 / 3) / 2, m.map(), TOL);
    assertEquals((1 / LOG2_3 + 0.5) / (1 + 1 / LOG2_3), m.ndcg(), TOL);
  }

  @Test
  void averagesOverUsersWithRelevantItemsOnly() {
    RankingMetrics m = RankingEvaluator.evaluate(RANKER, TRAIN, TEST, 2, null);
    assertEquals(2, m.users()); // users 1 and 2 have no relevant item
    assertEquals(2, m.aucUsers());
    // user 3: list [0, 2], hit at rank 1: P 1/2, R 1, AP 1, nDCG 1, AUC 1 (9 beats all four)
    assertEquals((0.5 + 0.5) / 2, m.precision(), TOL);
    assertEquals((0.5 + 1) / 2, m.recall(), TOL);
    assertEquals((0.25 + 1) / 2, m.map(), TOL);
    assertEquals(((1 / LOG2_3) / (1 + 1 / LOG2_3) + 1) / 2, m.ndcg(), TOL);
    assertEquals((0.25 + 1) / 2, m.auc(), TOL);
    assertEquals(m, RankingEvaluator.evaluate(RANKER, TRAIN, TEST, 2,
        java.util.concurrent.ForkJoinPool.commonPool()));
  }

  @Test
  void aucIsUndefinedWithoutNegatives() {
    // user 0 trained on 0, 2 and 4; tests 1 and 3: every candidate is relevant
    CsrMatrix train = matrix(1, 5, new int[][] {{0, 0}, {0, 2}, {0, 4}});
    CsrMatrix test = matrix(1, 5, new int[][] {{0, 1}, {0, 3}});
    RankingMetrics m = RankingEvaluator.evaluate(table(new float[][] {SCORES}), train, test, 1, null);
    assertEquals(1, m.users());
    assertEquals(0, m.aucUsers());
    assertTrue(Double.isNaN(m.auc()));
    assertEquals(1.0, m.precision(), TOL);
  }

  @Test
  void noEvaluableUserGivesNaN() {
    RankingMetrics m =
        RankingEvaluator.evaluate(RANKER, TRAIN, matrix(4, 5, new int[0][]), 3, null);
    assertEquals(0, m.users());
    assertTrue(Double.isNaN(m.precision()));
  }

  @Test
  void popularityCountsTrainingUsersPerItem() {
    CsrMatrix train = matrix(3, 4, new int[][] {{0, 2}, {1, 2}, {2, 2}, {0, 1}, {1, 1}, {2, 3}});
    PopularityRanker p = PopularityRanker.fit(train);
    float[] out = new float[4];
    p.score(1, out);
    assertEquals(0f, out[0]);
    assertEquals(2f, out[1]);
    assertEquals(3f, out[2]);
    assertEquals(1f, out[3]);
    assertThrows(IndexOutOfBoundsException.class, () -> p.score(3, out));
    assertThrows(IndexOutOfBoundsException.class, () -> p.score(-1, out));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> RankingEvaluator.evaluate(RANKER, TRAIN, TEST, 0, null));
    assertThrows(IllegalArgumentException.class,
        () -> RankingEvaluator.evaluate(RANKER, TRAIN, TEST, -1, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankingEvaluator.evaluate(RANKER, TRAIN, matrix(4, 6, new int[0][]), 1, null));
    assertTrue(e.getMessage().contains("4x6"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RankingEvaluator.evaluate(RANKER, matrix(5, 5, new int[0][]),
            matrix(5, 5, new int[0][]), 1, null));
  }
}
