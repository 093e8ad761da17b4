package org.alskernel.data.synthetic;

import java.util.SplittableRandom;

/**
 * Walker's alias method (Vose's construction): O(n) to build, O(1) per draw from a fixed discrete
 * distribution. The construction only uses index-ordered worklists, so the table, and every draw
 * from it, is a function of the weights and the random stream alone.
 */
final class AliasTable {
  private final double[] prob;
  private final int[] alias;

  AliasTable(long[] weights) {
    int n = weights.length;
    prob = new double[n];
    alias = new int[n];
    double total = 0;
    for (long w : weights) total += w;
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      prob[i] = weights[i] * (n / total);
      if (prob[i] < 1.0) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      alias[s] = l;
      prob[l] = (prob[l] + prob[s]) - 1.0;
      if (prob[l] < 1.0) small[ns++] = l;
      else large[nl++] = l;
    }
    // leftovers differ from 1 only by rounding
    while (nl > 0) prob[large[--nl]] = 1.0;
    while (ns > 0) prob[small[--ns]] = 1.0;
  }

  int sample(SplittableRandom rnd) {
    int i = rnd.nextInt(prob.length);
    return rnd.nextDouble() < prob[i] ? i : alias[i];
  }
}
