package org.alskernel.data;

import java.util.Locale;

/**
 * Reweights a users × items matrix of counts (plays, clicks) before training, as information
 * retrieval weighs terms in documents: a user is a document, an item a term. With N users, df_i the
 * number of users who have item i and idf_i = ln N − ln(1 + df_i):
 *
 * <ul>
 *   <li>TF-IDF: w_ui = √r_ui · idf_i;
 *   <li>BM25: w_ui = r_ui·(K1 + 1) / (K1·L_u + r_ui) · idf_i, with the length norm L_u = (1 − B) +
 *       B·|u| / avg|u| and |u| = Σ_i r_ui (the user's total), so a count counts less the more a user
 *       plays (K1) and the longer the user's history (B).
 * </ul>
 *
 * These are the weightings of the {@code implicit} library ({@code bm25_weight}, {@code
 * tfidf_weight}) in the users × items orientation. An item every user has gets idf ≤ 0 and so a
 * weight ≤ 0, which the implicit variants read as no preference. Computed in double, stored in float.
 */
public final class CountWeighting {
  /** The {@code implicit} library's defaults. */
  public static final float DEFAULT_K1 = 100f;
  public static final float DEFAULT_B = 0.8f;

  private CountWeighting() {}

  /**
   * BM25 weights of {@code counts} (users × items).
   *
   * @throws IllegalArgumentException if K1 is negative or not finite, B is outside [0, 1], a count is
   *     negative (naming its row, column and value), or no count is positive
   */
  public static CsrMatrix bm25(CsrMatrix counts, float k1, float b) {
    checkBm25(k1, b);
    double[] idf = idf(counts);
    double[] total = new double[counts.rows()];
    double sum = 0;
    for (int u = 0; u < counts.rows(); u++) {
      for (int p = counts.indptr()[u]; p < counts.indptr()[u + 1]; p++) {
        total[u] += counts.values()[p];
      }
      sum += total[u];
    }
    double average = sum / counts.rows();
    float[] w = new float[counts.nnz()];
    for (int u = 0; u < counts.rows(); u++) {
      double length = (1 - b) + b * total[u] / average;
      for (int p = counts.indptr()[u]; p < counts.indptr()[u + 1]; p++) {
        double r = counts.values()[p];
        w[p] = (float) (r * (k1 + 1.0) / (k1 * length + r) * idf[counts.indices()[p]]);
      }
    }
    return CsrMatrix.of(counts.rows(), counts.cols(), counts.indptr(), counts.indices(), w);
  }

  /**
   * Checks BM25's settings, so that a caller can refuse them before reading any data.
   *
   * @throws IllegalArgumentException if K1 is negative or not finite, or B is outside [0, 1]
   */
  public static void checkBm25(float k1, float b) {
    if (!(k1 >= 0f) || !Float.isFinite(k1)) {
      throw new IllegalArgumentException("BM25 K1 must be a finite number ≥ 0, got " + k1);
    }
    if (!(b >= 0f && b <= 1f)) {
      throw new IllegalArgumentException("BM25 B must be in [0, 1], got " + b);
    }
  }

  /**
   * TF-IDF weights of {@code counts} (users × items).
   *
   * @throws IllegalArgumentException if a count is negative (naming it) or no count is positive
   */
  public static CsrMatrix tfidf(CsrMatrix counts) {
    double[] idf = idf(counts);
    float[] w = new float[counts.nnz()];
    for (int p = 0; p < w.length; p++) {
      w[p] = (float) (Math.sqrt(counts.values()[p]) * idf[counts.indices()[p]]);
    }
    return CsrMatrix.of(counts.rows(), counts.cols(), counts.indptr(), counts.indices(), w);
  }

  /** {@link #bm25(CsrMatrix, float, float)} of a file's interactions (duplicates summed first). */
  public static Interactions bm25(Interactions data, float k1, float b) {
    return withValues(data, bm25(data.toCsr(), k1, b));
  }

  /** {@link #tfidf(CsrMatrix)} of a file's interactions (duplicates summed first). */
  public static Interactions tfidf(Interactions data) {
    return withValues(data, tfidf(data.toCsr()));
  }

  /** idf per item, after checking that the counts are counts. */
  private static double[] idf(CsrMatrix counts) {
    boolean positive = false;
    for (int u = 0; u < counts.rows(); u++) {
      for (int p = counts.indptr()[u]; p < counts.indptr()[u + 1]; p++) {
        float r = counts.values()[p];
        if (r < 0f) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "BM25 and TF-IDF weigh counts, but row %d, column %d holds %s", u, counts.indices()[p], r));
        }
        positive |= r > 0f;
      }
    }
    if (!positive) {
      throw new IllegalArgumentException("BM25 and TF-IDF need some count above 0, and all are 0");
    }
    int[] df = counts.columnCounts();
    double[] idf = new double[counts.cols()];
    double logN = Math.log(counts.rows());
    for (int i = 0; i < idf.length; i++) {
      idf[i] = logN - Math.log1p(df[i]);
    }
    return idf;
  }

  /** The stored pairs of {@code m} as interactions with {@code source}'s ids (no timestamps). */
  private static Interactions withValues(Interactions source, CsrMatrix m) {
    int[] users = new int[m.nnz()];
    for (int u = 0; u < m.rows(); u++) {
      for (int p = m.indptr()[u]; p < m.indptr()[u + 1]; p++) {
        users[p] = u;
      }
    }
    return new Interactions(source.users(), source.items(), users, m.indices().clone(), m.values(), null);
  }
}
