package org.alskernel.eval;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.TopN;

/** One worker's scratch for ranking one user at a time, and the per-user metrics. */
final class UserRanking {
  private static final byte CANDIDATE = 0;
  private static final byte TRAIN = 1;
  private static final byte RELEVANT = 2;

  final float[] scores;
  private final byte[] state;
  private final int k;
  private final TopN top;
  private final int[] topIndex;
  private final float[] topScore;
  private final float[] negatives;
  private final float[] positives;

  UserRanking(int items, int k) {
    this.scores = new float[items];
    this.state = new byte[items];
    this.k = k;
    int capacity = Math.min(k, items);
    this.top = new TopN(capacity);
    this.topIndex = new int[capacity];
    this.topScore = new float[capacity];
    this.negatives = new float[items];
    this.positives = new float[items];
  }

  /**
   * Writes precision, recall, AP, nDCG and AUC of user u at {@code out[at..at+5)} (scores already in
   * {@link #scores}). Returns 0 if the user has no relevant item, 1 if it has but no non-relevant
   * candidate (AUC undefined), 2 if every metric is defined.
   */
  int evaluate(int u, CsrMatrix train, CsrMatrix test, double[] out, int at) {
    int[] ti = train.indices();
    int[] si = test.indices();
    for (int p = train.indptr()[u]; p < train.indptr()[u + 1]; p++) {
      state[ti[p]] = TRAIN;
    }
    int relevant = 0;
    for (int p = test.indptr()[u]; p < test.indptr()[u + 1]; p++) {
      if (state[si[p]] == CANDIDATE) {
        state[si[p]] = RELEVANT;
        relevant++;
      }
    }
    int result = 0;
    if (relevant > 0) {
      result = metrics(relevant, out, at);
    }
    for (int p = train.indptr()[u]; p < train.indptr()[u + 1]; p++) {
      state[ti[p]] = CANDIDATE;
    }
    for (int p = test.indptr()[u]; p < test.indptr()[u + 1]; p++) {
      state[si[p]] = CANDIDATE;
    }
    return result;
  }

  private int metrics(int relevant, double[] out, int at) {
    top.reset(topIndex.length);
    int nNeg = 0;
    int nPos = 0;
    for (int i = 0; i < scores.length; i++) {
      byte s = state[i];
      if (s == TRAIN) {
        continue;
      }
      top.offer(i, scores[i]);
      if (s == RELEVANT) {
        positives[nPos++] = scores[i];
      } else {
        negatives[nNeg++] = scores[i];
      }
    }
    int listed = top.drain(topIndex, topScore);
    int hits = 0;
    double precisionSum = 0;
    double dcg = 0;
    for (int r = 0; r < listed; r++) {
      if (state[topIndex[r]] == RELEVANT) {
        hits++;
        precisionSum += (double) hits / (r + 1);
        dcg += 1.0 / log2(r + 2);
      }
    }
    int ideal = Math.min(relevant, k);
    double idcg = 0;
    for (int r = 0; r < ideal; r++) {
      idcg += 1.0 / log2(r + 2);
    }
    out[at] = (double) hits / k;
    out[at + 1] = (double) hits / relevant;
    out[at + 2] = precisionSum / ideal;
    out[at + 3] = dcg / idcg;
    if (nNeg == 0) {
      return 1;
    }
    out[at + 4] = auc(nPos, nNeg);
    return 2;
  }

  /** P(score of a relevant item > score of a non-relevant one), ties counted as one half. */
  private double auc(int nPos, int nNeg) {
    Arrays.sort(negatives, 0, nNeg);
    double wins = 0;
    for (int j = 0; j < nPos; j++) {
      float s = positives[j];
      int below = lowerBound(negatives, nNeg, s);
      int notAbove = upperBound(negatives, nNeg, s);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) nPos * nNeg);
  }

  /** First position whose value is ≥ s. */
  private static int lowerBound(float[] a, int n, float s) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First position whose value is &gt; s. */
  private static int upperBound(float[] a, int n, float s) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
