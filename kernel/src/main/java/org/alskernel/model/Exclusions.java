package org.alskernel.model;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;

/**
 * Which items a recommendation must skip: the user's row of a users × items matrix (what the user
 * already has) and a fixed set of item indices. Both are walked as sorted lists alongside the item
 * loop, so skipping costs no lookup table and no allocation per user.
 */
final class Exclusions {
  private final CsrMatrix seen;
  private final int[] always;

  /**
   * @param seen users × items (its rows' column indices are sorted by the CSR invariant), or null
   * @param always item indices to skip for every user (any order, repeats allowed), or null
   */
  Exclusions(CsrMatrix seen, int[] always, int users, int items) {
    if (seen != null && (seen.rows() != users || seen.cols() != items)) {
      throw new IllegalArgumentException("the matrix of items to exclude is " + seen.rows() + "x"
          + seen.cols() + " but the model has " + users + " users and " + items + " items");
    }
    this.seen = seen;
    if (always == null) {
      this.always = new int[0];
    } else {
      this.always = always.clone();
      Arrays.sort(this.always);
      for (int i : this.always) {
        if (i < 0 || i >= items) {
          throw new IndexOutOfBoundsException(
              "excluded item index " + i + " not in [0, " + items + ")");
        }
      }
    }
  }

  /**
   * Offers every item not excluded for {@code user} (−1: no seen row) with its score (x·y_i, plus
   * {@code constant} + γ_i for a biased model) to {@code top}.
   */
  void scoreInto(Scoring scoring, float[] x, int xo, float constant, int user, TopN top) {
    int p = 0;
    int pEnd = 0;
    int[] seenItems = null;
    if (seen != null && user >= 0) {
      seenItems = seen.indices();
      p = seen.indptr()[user];
      pEnd = seen.indptr()[user + 1];
    }
    int a = 0;
    int items = scoring.items();
    for (int i = 0; i < items; i++) {
      while (p < pEnd && seenItems[p] < i) {
        p++;
      }
      while (a < always.length && always[a] < i) {
        a++;
      }
      if ((p < pEnd && seenItems[p] == i) || (a < always.length && always[a] == i)) {
        continue;
      }
      top.offer(i, scoring.score(x, xo, constant, i));
    }
  }
}
