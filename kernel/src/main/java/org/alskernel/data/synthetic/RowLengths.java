package org.alskernel.data.synthetic;

/**
 * Splits nnz among rows in proportion to Zipf weights, capped at a full row.
 *
 * <p>Row (in rank order) k is meant to get {@code nnz * w_k / sum(w)}. A row cannot hold more than
 * {@code cols} entries, so the heaviest rows are capped and their excess is spread over the rest in
 * the same proportions (water-filling; the capped rows are a prefix of the ranks because the weights
 * decrease). Fractions are resolved by cumulative rounding, which keeps each length within one of its
 * share and the total exact. The result is deterministic: no randomness here.
 */
final class RowLengths {
  private RowLengths() {}

  /** Lengths in rank order (element 0 is the most active row); they sum to nnz, each in [0, cols]. */
  static int[] allocate(int rows, int cols, long nnz, double exponent) {
    int[] len = new int[rows];
    if (nnz == 0) return len;
    double[] suffix = new double[rows + 1]; // suffix[k] = sum of weights of ranks k..rows-1
    for (int k = rows - 1; k >= 0; k--) {
      suffix[k] = suffix[k + 1] + weight(k, exponent);
    }
    int capped = 0;
    while (capped < rows
        && (nnz - (long) capped * cols) * (weight(capped, exponent) / suffix[capped]) > cols) {
      capped++;
    }
    for (int k = 0; k < capped; k++) len[k] = cols;
    long rest = nnz - (long) capped * cols;
    double cumulative = 0;
    long assigned = 0;
    long sum = (long) capped * cols;
    for (int k = capped; k < rows; k++) {
      cumulative += rest * (weight(k, exponent) / suffix[capped]);
      long upTo = Math.min(rest, (long) Math.floor(cumulative));
      long l = Math.max(0, Math.min(cols, upTo - assigned));
      len[k] = (int) l;
      assigned += l;
      sum += l;
    }
    // Rounding in the running sum can leave the total off by a few: settle it on the heaviest rows
    // with room (or, if over, the lightest non-empty rows). nnz <= rows * cols guarantees room.
    for (int k = 0; sum < nnz; k = (k + 1) % rows) {
      if (len[k] < cols) {
        len[k]++;
        sum++;
      }
    }
    for (int k = rows - 1; sum > nnz; k = (k + rows - 1) % rows) {
      if (len[k] > 0) {
        len[k]--;
        sum--;
      }
    }
    return len;
  }

  private static double weight(int rank, double exponent) {
    return Math.pow(rank + 1, -exponent);
  }
}
