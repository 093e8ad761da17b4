package org.alskernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.sweep.Confidence;
import org.junit.jupiter.api.Test;

class AlsModelTest {
  static final ModelSettings SETTINGS =
      new ModelSettings(2, 0.1f, 1f, Confidence.LINEAR, 1f, 0, 1);

  /** 2 users, 5 items, k = 2, small hand-made factors. */
  static AlsModel tiny() {
    float[] users = {1f, 0f, 0f, 0f};
    float[] items = {
      3f, 1f, // item 0 score 3
      1f, 0f, // item 1 score 1
      3f, -2f, // item 2 score 3 (tie with 0)
      0f, 5f, // item 3 score 0
      -1f, 0f, // item 4 score -1
    };
    IdMap u = IdMap.forStrings();
    u.getOrAdd("alice");
    u.getOrAdd("bob");
    IdMap i = IdMap.forLongs();
    for (long id : new long[] {10, 20, 30, 40, 50}) {
      i.getOrAdd(id);
    }
    return new AlsModel(new FactorModel(2, 2, 5, users, items), u, i, SETTINGS);
  }

  @Test
  void recommendOrdersByScoreThenIndex() {
    List<Scored> r = tiny().recommend(0, 3);
    assertEquals(List.of(new Scored(0, "10", 3f), new Scored(2, "30", 3f), new Scored(1, "20", 1f)),
        r);
  }

  @Test
  void recommendSkipsSeenAndExcludedItems() {
    CsrBuilder b = new CsrBuilder();
    b.add(0, 0, 1f);
    CsrMatrix seen = b.build(2, 5);
    List<Scored> r = tiny().recommend(0, 10, seen, new int[] {1, 1});
    assertEquals(List.of(2, 3, 4), r.stream().map(Scored::index).toList());
  }

  @Test
  void batchEqualsSingleCallsForAnyPool() {
    AlsModel m = tiny();
    CsrBuilder b = new CsrBuilder();
    b.add(1, 3, 1f);
    CsrMatrix seen = b.build(2, 5);
    int[] users = {1, 0, 1};
    List<List<Scored>> serial = m.recommend(users, 2, seen, null, null);
    List<List<Scored>> parallel = m.recommend(users, 2, seen, null, ForkJoinPool.commonPool());
    assertEquals(serial, parallel);
    for (int j = 0; j < users.length; j++) {
      assertEquals(m.recommend(users[j], 2, seen, null), serial.get(j));
    }
  }

  @Test
  void similarItemsUseCosineAndSkipTheQuery() {
    List<Scored> r = tiny().similarItems(1, 4);
    // item 1 = (1,0): cos with 0 = 3/√10, with 2 = 3/√13, with 3 = 0, with 4 = -1
    assertEquals(List.of(0, 2, 3, 4), r.stream().map(Scored::index).toList());
    assertEquals(3 / Math.sqrt(10), r.get(0).score(), 1e-6);
    assertEquals(-1f, r.get(3).score(), 1e-6);
  }

  @Test
  void zeroVectorHasSimilarityZero() {
    List<Scored> r = tiny().similarUsers(0, 5);
    assertEquals(List.of(new Scored(1, "bob", 0f)), r); // bob's vector is zero
    assertTrue(tiny().similarUsers(1, 1).get(0).score() == 0f);
  }

  @Test
  void badArgumentsAreRefused() {
    AlsModel m = tiny();
    assertThrows(IllegalArgumentException.class, () -> m.recommend(0, 0));
    assertThrows(IllegalArgumentException.class, () -> m.recommend(0, -3));
    assertThrows(IndexOutOfBoundsException.class, () -> m.recommend(2, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.recommend(-1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.recommend(0, 1, null, new int[] {5}));
    assertThrows(IllegalArgumentException.class,
        () -> m.recommend(0, 1, new CsrBuilder().build(3, 5), null));
    assertThrows(IndexOutOfBoundsException.class, () -> m.similarItems(5, 1));
    assertThrows(IllegalArgumentException.class, () -> m.similarUsers(0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.foldInUser(new int[] {7}, new float[] {1}));
    assertThrows(IllegalArgumentException.class, () -> m.foldInUser(new int[] {1}, new float[0]));
    assertThrows(IllegalArgumentException.class,
        () -> m.foldInUser(new int[] {1}, new float[] {Float.NaN}));
    assertThrows(IllegalArgumentException.class, () -> m.recommend(new float[3], 1, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsModel(m.factors(), IdMap.forLongs(), m.items(), SETTINGS));
    assertTrue(e.getMessage().contains("0 users"), e.getMessage());
  }

  @Test
  void indexIdsAreTheIndices() {
    AlsModel m = AlsModel.withIndexIds(tiny().factors(), SETTINGS);
    assertEquals("4", m.items().id(4));
    assertEquals(1, m.users().indexOf(1L));
  }
}
