package org.alskernel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.Test;

/**
 * Fold-in solves the user sweep's equation for one row. Against the item factors that the last user
 * sweep used, with the same kernels, padded layout and a Gram matrix that does not depend on the
 * thread count, it must give the trained user vector bit for bit: nothing in the computation differs.
 * (Compared against the model {@link AlsTrainer} returns, the users would be stale by one item sweep,
 * which is why the test adds a user sweep after the last iteration.)
 */
class FoldInTest {

  static CsrMatrix counts(long seed, int users, int items) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < users; u++) {
      int n = u % 9 == 0 ? 0 : 1 + rnd.nextInt(25);
      for (int j = 0; j < n; j++) {
        b.add(u, rnd.nextInt(items), 1 + rnd.nextInt(30));
      }
    }
    return b.build(users, items);
  }

  private static void foldInReproducesUsers(AlsConfig config) {
    CsrMatrix r = counts(5, 120, 80);
    AlsModel model;
    try (AlsSession session = new AlsSession(r, config)) {
      for (int it = 0; it < 4; it++) {
        session.iterate();
      }
      session.updateUsers(); // users now solved against the items the model keeps
      model = AlsModel.withIndexIds(session.toModel(), config.modelSettings());
    }
    for (int u = 0; u < r.rows(); u++) {
      int from = r.indptr()[u];
      int to = r.indptr()[u + 1];
      float[] x = model.foldInUser(Arrays.copyOfRange(r.indices(), from, to),
          Arrays.copyOfRange(r.values(), from, to));
      assertArrayEquals(model.factors().userVector(u), x, "user " + u);
    }
  }

  @Test
  void linearConfidence() {
    foldInReproducesUsers(AlsConfig.builder().factors(12).lambda(0.5f).alpha(2f).threads(2)
        .initScale(0.1f).build());
  }

  @Test
  void logConfidenceAndPaddedK() {
    foldInReproducesUsers(AlsConfig.builder().factors(19).lambda(0.2f).alpha(5f)
        .logConfidence(2f).threads(1).initScale(0.1f).build());
  }

  @Test
  void repeatedItemsAreSummedAndOrderDoesNotMatter() {
    AlsModel m = new AlsTrainer(AlsConfig.builder().factors(8).iterations(3).threads(1).build())
        .fit(interactions(counts(6, 40, 30)));
    float[] merged = m.foldInUser(new int[] {3, 7, 11}, new float[] {5f, 2f, 1f});
    float[] split = m.foldInUser(new int[] {11, 3, 7, 3}, new float[] {1f, 2f, 2f, 3f});
    assertArrayEquals(merged, split);
    assertArrayEquals(new float[8], m.foldInUser(new int[0], new float[0]));
  }

  @Test
  void fitOnInteractionsKeepsIdsAndSettings() {
    Interactions data = interactions(counts(7, 30, 20));
    AlsConfig config = AlsConfig.builder().factors(4).lambda(0.3f).alpha(7f).iterations(2)
        .threads(1).build();
    AlsModel m = new AlsTrainer(config).fit(data);
    assertEquals(data.users(), m.users());
    assertEquals(data.items(), m.items());
    assertEquals(config.modelSettings(), m.settings());
    assertArrayEquals(new AlsTrainer(config).fit(data.toCsr()).userFactors(),
        m.factors().userFactors());
  }

  /** The matrix as Interactions with ids 1000 + index, so ids and indices differ. */
  static Interactions interactions(CsrMatrix r) {
    IdMap users = IdMap.forLongs();
    IdMap items = IdMap.forLongs();
    for (int u = 0; u < r.rows(); u++) {
      users.getOrAdd(1000 + u);
    }
    for (int i = 0; i < r.cols(); i++) {
      items.getOrAdd(1000 + i);
    }
    int[] ui = new int[r.nnz()];
    for (int u = 0; u < r.rows(); u++) {
      Arrays.fill(ui, r.indptr()[u], r.indptr()[u + 1], u);
    }
    return new Interactions(users, items, ui, r.indices().clone(), r.values().clone(), null);
  }
}
