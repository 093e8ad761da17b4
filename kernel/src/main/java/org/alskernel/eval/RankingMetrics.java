package org.alskernel.eval;

/**
 * Ranking quality at cut-off k, each a mean over the evaluated users (definitions in
 * docs/quality.md, "Ranking quality").
 *
 * @param k the cut-off
 * @param precision mean hits@k / k
 * @param recall mean hits@k / |relevant|
 * @param map mean AP@k, normalised by min(|relevant|, k)
 * @param ndcg mean binary nDCG@k
 * @param auc mean per-user AUC over the users with at least one non-relevant candidate
 * @param users users with at least one relevant test item (the denominator of the first four)
 * @param aucUsers the denominator of auc
 */
public record RankingMetrics(
    int k, double precision, double recall, double map, double ndcg, double auc, int users,
    int aucUsers) {

  @Override
  public String toString() {
    return String.format("P@%d %.4f  R@%d %.4f  MAP@%d %.4f  nDCG@%d %.4f  AUC %.4f  (%d users)",
        k, precision, k, recall, k, map, k, ndcg, auc, users);
  }
}
