package org.alskernel.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /**
   * n entries over 30 users and 50 items; entry e has value e (so entries can be told apart) and,
   * if wanted, a timestamp with many ties.
   */
  static Interactions data(int n, boolean timestamps, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    IdMap users = IdMap.forLongs();
    IdMap items = IdMap.forStrings();
    for (int u = 0; u < 30; u++) {
      users.getOrAdd(100 + u);
    }
    for (int i = 0; i < 50; i++) {
      items.getOrAdd("item" + i);
    }
    int[] ui = new int[n];
    int[] ii = new int[n];
    float[] v = new float[n];
    long[] t = timestamps ? new long[n] : null;
    for (int e = 0; e < n; e++) {
      ui[e] = rnd.nextInt(30);
      ii[e] = rnd.nextInt(50);
      v[e] = e;
      if (t != null) {
        t[e] = rnd.nextInt(40);
      }
    }
    return new Interactions(users, items, ui, ii, v, t);
  }

  /** Train and test are disjoint, cover the data, keep source order, and share the id maps. */
  static void assertPartition(Interactions data, Split s) {
    assertSame(data.users(), s.train().users());
    assertSame(data.items(), s.test().items());
    assertEquals(data.size(), s.train().size() + s.test().size());
    float[] all = new float[data.size()];
    System.arraycopy(s.train().value(), 0, all, 0, s.train().size());
    System.arraycopy(s.test().value(), 0, all, s.train().size(), s.test().size());
    Arrays.sort(all);
    for (int e = 0; e < all.length; e++) {
      assertEquals(e, all[e]); // each entry exactly once
    }
    for (Interactions side : new Interactions[] {s.train(), s.test()}) {
      for (int j = 0; j < side.size(); j++) {
        int e = (int) side.value()[j];
        assertTrue(j == 0 || side.value()[j - 1] < e, "source order");
        assertEquals(data.userIndex()[e], side.userIndex()[j]);
        assertEquals(data.itemIndex()[e], side.itemIndex()[j]);
        if (data.hasTimestamps()) {
          assertEquals(data.timestamp()[e], side.timestamp()[j]);
        }
      }
    }
  }

  static void assertSameSplit(Split a, Split b) {
    assertArrayEquals(a.test().value(), b.test().value());
    assertArrayEquals(a.train().value(), b.train().value());
  }

  static int[] perUserCounts(Interactions d) {
    int[] c = new int[d.users().size()];
    for (int u : d.userIndex()) {
      c[u]++;
    }
    return c;
  }

  @Test
  void randomSplitIsExactDeterministicAndSeeded() {
    Interactions d = data(1001, true, 1);
    Split s = Splits.random(d, 0.2, 42);
    assertPartition(d, s);
    assertEquals(200, s.test().size()); // round(200.2)
    assertSameSplit(s, Splits.random(d, 0.2, 42));
    assertFalse(Arrays.equals(s.test().value(), Splits.random(d, 0.2, 43).test().value()));
  }

  @Test
  void perUserSplitTakesTheFractionOfEachUser() {
    Interactions d = data(700, false, 2);
    Split s = Splits.perUser(d, 0.25, 7);
    assertPartition(d, s);
    assertNull(s.train().timestamp());
    int[] all = perUserCounts(d);
    int[] test = perUserCounts(s.test());
    for (int u = 0; u < all.length; u++) {
      assertEquals(Math.round(0.25 * all[u]), test[u], "user " + u);
    }
    assertSameSplit(s, Splits.perUser(d, 0.25, 7));
  }

  @Test
  void temporalSplitPutsTheLatestEntriesInTest() {
    Interactions d = data(500, true, 3);
    Split s = Splits.temporal(d, 0.3);
    assertPartition(d, s);
    assertEquals(150, s.test().size());
    long latestTrain = Long.MIN_VALUE;
    for (long t : s.train().timestamp()) {
      latestTrain = Math.max(latestTrain, t);
    }
    for (long t : s.test().timestamp()) {
      assertTrue(t >= latestTrain, "test entry at " + t + " before a train entry at " + latestTrain);
    }
    // at the boundary timestamp, stability sends the earlier source positions to train
    float lastTrainAtBoundary = -1;
    for (int j = 0; j < s.train().size(); j++) {
      if (s.train().timestamp()[j] == latestTrain) {
        lastTrainAtBoundary = s.train().value()[j];
      }
    }
    for (int j = 0; j < s.test().size(); j++) {
      if (s.test().timestamp()[j] == latestTrain) {
        assertTrue(s.test().value()[j] > lastTrainAtBoundary);
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.temporal(data(10, false, 3), 0.3));
    assertTrue(e.getMessage().contains("timestamps"), e.getMessage());
  }

  @Test
  void leaveKOutTakesTheMostRecentPerUser() {
    Interactions d = data(300, true, 4);
    Split s = Splits.leaveKOut(d, 2, 9);
    assertPartition(d, s);
    int[] all = perUserCounts(d);
    int[] test = perUserCounts(s.test());
    for (int u = 0; u < all.length; u++) {
      assertEquals(all[u] > 2 ? 2 : 0, test[u], "user " + u);
    }
    // every test entry is at least as recent as every train entry of its user (later position wins ties)
    for (int j = 0; j < s.test().size(); j++) {
      int u = s.test().userIndex()[j];
      long t = s.test().timestamp()[j];
      for (int i = 0; i < s.train().size(); i++) {
        if (s.train().userIndex()[i] == u) {
          long tt = s.train().timestamp()[i];
          assertTrue(tt < t || (tt == t && s.train().value()[i] < s.test().value()[j]));
        }
      }
    }
  }

  @Test
  void leaveKOutWithoutTimestampsIsRandomButSeeded() {
    Interactions d = data(300, false, 5);
    Split s = Splits.leaveKOut(d, 3, 11);
    assertPartition(d, s);
    int[] all = perUserCounts(d);
    int[] test = perUserCounts(s.test());
    for (int u = 0; u < all.length; u++) {
      assertEquals(all[u] > 3 ? 3 : 0, test[u], "user " + u);
    }
    assertSameSplit(s, Splits.leaveKOut(d, 3, 11));
    assertFalse(Arrays.equals(s.test().value(), Splits.leaveKOut(d, 3, 12).test().value()));
  }

  @Test
  void badArgumentsAreRefused() {
    Interactions d = data(50, true, 6);
    for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Splits.random(d, f, 1));
      assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Splits.perUser(d, f, 1));
      assertThrows(IllegalArgumentException.class, () -> Splits.temporal(d, f));
    }
    assertThrows(IllegalArgumentException.class, () -> Splits.leaveKOut(d, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Splits.leaveKOut(d, -2, 1));
  }
}
