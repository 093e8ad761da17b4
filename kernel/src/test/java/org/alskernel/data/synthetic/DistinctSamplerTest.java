package org.alskernel.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctSamplerTest {

  @Test
  void weightTreeFindMatchesALinearScan() {
    long[] w = {3, 0, 5, 1, 7, 2, 0, 4, 9};
    WeightTree tree = new WeightTree(w);
    long total = 0;
    for (long x : w) total += x;
    assertEquals(total, tree.total());
    for (long x = 0; x < total; x++) {
      long prefix = 0;
      int expected = -1;
      for (int i = 0; i < w.length && expected < 0; i++) {
        prefix += w[i];
        if (prefix > x) expected = i;
      }
      assertEquals(expected, tree.find(x), "x = " + x);
    }
    tree.add(4, -7);
    assertEquals(total - 7, tree.total());
    for (long x = 0; x < total - 7; x++) assertTrue(tree.find(x) != 4, "removed item drawn");
  }

  @Test
  void aliasTableFrequenciesFollowTheWeights() {
    long[] w = ZipfWeights.quantised(50, 1.0);
    AliasTable table = new AliasTable(w);
    SplittableRandom rnd = new SplittableRandom(1);
    int draws = 500_000;
    int[] hits = new int[w.length];
    for (int i = 0; i < draws; i++) hits[table.sample(rnd)]++;
    double total = 0;
    for (long x : w) total += x;
    for (int i = 0; i < w.length; i++) {
      double expected = draws * (w[i] / total);
      // 5 standard deviations of a binomial count
      assertEquals(expected, hits[i], 5 * Math.sqrt(expected) + 1, "item " + i);
    }
  }

  @Test
  void drawsAreDistinctOnBothPaths() {
    // Zipf(3) over 200 items: the first 10 hold ~98% of the mass, so drawing 150 distinct exhausts the
    // rejection budget and finishes on the tree; drawing 5 stays on the alias path.
    DistinctSampler sampler = new DistinctSampler(ZipfWeights.quantised(200, 3.0));
    SplittableRandom rnd = new SplittableRandom(2);
    int[] dst = new int[200];
    for (int k : new int[] {0, 1, 5, 150, 199, 200, 150, 5}) {
      sampler.sample(k, dst, 0, rnd);
      boolean[] seen = new boolean[200];
      for (int i = 0; i < k; i++) {
        assertTrue(!seen[dst[i]], "item " + dst[i] + " twice in a draw of " + k);
        seen[dst[i]] = true;
      }
    }
  }

  @Test
  void switchingToTheTreeDoesNotBiasTheDraw() {
    // Draw 2 of 3 items with weights 6:3:1. For sequential weighted sampling without replacement,
    // P(item 2 included) = 1 - P({0, 1}) = 1 - (0.6 * 3/4 + 0.3 * 6/7). Budgets of 0, 1, 2 and 3
    // attempts force the switch to the tree before the first draw, mid-draw, or sometimes; the default
    // budget stays on the alias path. All must agree with the exact value.
    long[] w = {6, 3, 1};
    double expectedRare = 1 - (0.6 * (3.0 / 4) + 0.3 * (6.0 / 7));
    int trials = 200_000;
    double sd = Math.sqrt(trials * expectedRare * (1 - expectedRare));
    DistinctSampler[] samplers = {
      new DistinctSampler(w, 0, 0),
      new DistinctSampler(w, 0, 1),
      new DistinctSampler(w, 0, 2),
      new DistinctSampler(w, 1, 1),
      new DistinctSampler(w)
    };
    for (int s = 0; s < samplers.length; s++) {
      SplittableRandom rnd = new SplittableRandom(3 + s);
      int rare = 0;
      int[] dst = new int[2];
      for (int t = 0; t < trials; t++) {
        samplers[s].sample(2, dst, 0, rnd);
        assertTrue(dst[0] != dst[1]);
        if (dst[0] == 2 || dst[1] == 2) rare++;
      }
      assertEquals(trials * expectedRare, rare, 5 * sd, "sampler " + s);
    }
  }
}
