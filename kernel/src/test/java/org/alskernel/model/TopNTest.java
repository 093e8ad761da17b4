package org.alskernel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopNTest {

  @Test
  void keepsTheBestWithLowerIndexWinningTies() {
    TopN top = new TopN(3);
    float[] scores = {1f, 5f, 5f, 2f, 5f, Float.NaN, 4f};
    for (int i = 0; i < scores.length; i++) {
      top.offer(i, scores[i]);
    }
    int[] idx = new int[3];
    float[] s = new float[3];
    assertEquals(3, top.drain(idx, s));
    assertArrayEquals(new int[] {1, 2, 4}, idx);
    assertArrayEquals(new float[] {5f, 5f, 5f}, s);
  }

  @Test
  void matchesAFullSortOnRandomInput() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(60);
      int keep = 1 + rnd.nextInt(n + 3);
      float[] scores = new float[n];
      long[] keyed = new long[n];
      for (int i = 0; i < n; i++) {
        scores[i] = rnd.nextInt(8); // many ties
        // sort key: score descending, then index ascending
        keyed[i] = ((long) (100 - (int) scores[i]) << 32) | i;
      }
      Arrays.sort(keyed);
      TopN top = new TopN(Math.min(keep, n));
      for (int i = 0; i < n; i++) {
        top.offer(i, scores[i]);
      }
      int m = Math.min(keep, n);
      int[] idx = new int[m];
      float[] s = new float[m];
      assertEquals(m, top.drain(idx, s));
      for (int j = 0; j < m; j++) {
        assertEquals((int) keyed[j], idx[j], "trial " + trial + " rank " + j);
      }
    }
  }

  @Test
  void zeroCapacityKeepsNothing() {
    TopN top = new TopN(0);
    top.offer(0, 1f);
    assertEquals(0, top.size());
  }
}
