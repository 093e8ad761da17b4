package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.testing.SharedDatasets;
import org.junit.jupiter.api.Test;

/** Shapes of the real datasets in shared/datasets; skipped when that folder is absent. */
class RealDatasetsTest {
  private static void assertShape(Interactions x, int users, int items, int entries) {
    assertEquals(users, x.users().size(), "users");
    assertEquals(items, x.items().size(), "items");
    assertEquals(entries, x.size(), "entries");
    CsrMatrix m = x.toCsr();
    assertEquals(users, m.rows());
    assertEquals(items, m.cols());
    assertEquals(entries, m.nnz(), "these files have no duplicate pairs");
  }

  private static float min(float[] a) {
    float m = Float.POSITIVE_INFINITY;
    for (float v : a) m = Math.min(m, v);
    return m;
  }

  private static float max(float[] a) {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : a) m = Math.max(m, v);
    return m;
  }

  @Test
  void movieLens100k() throws IOException {
    Interactions x = Formats.MOVIELENS_100K.read(SharedDatasets.require("ml-100k/u.data"));
    assertShape(x, 943, 1682, 100_000);
    // First line: 196 242 3 881250949
    assertEquals(196, x.users().longId(x.userIndex()[0]));
    assertEquals(242, x.items().longId(x.itemIndex()[0]));
    assertEquals(3f, x.value()[0]);
    assertEquals(881250949L, x.timestamp()[0]);
    assertEquals(1f, min(x.value()));
    assertEquals(5f, max(x.value()));
    // ids are 1..943 and 1..1682
    for (int u = 0; u < x.users().size(); u++) {
      long id = x.users().longId(u);
      assertTrue(id >= 1 && id <= 943, "user id " + id);
    }
  }

  @Test
  void movieLensLatestSmall() throws IOException {
    Interactions x = Formats.MOVIELENS_CSV.read(SharedDatasets.require("ml-latest-small/ratings.csv"));
    assertShape(x, 610, 9_724, 100_836);
    assertTrue(x.hasTimestamps());
    assertEquals(964982703L, x.timestamp()[0]); // first data line: 1,1,4.0,964982703
    assertEquals(4f, x.value()[0]);
    assertEquals(0.5f, min(x.value()));
    assertEquals(5f, max(x.value()));
    int last = x.size() - 1; // last line: 610,170875,3.0,1493846415
    assertEquals(610, x.users().longId(x.userIndex()[last]));
    assertEquals(170875, x.items().longId(x.itemIndex()[last]));
    assertEquals(1493846415L, x.timestamp()[last]);
  }

  @Test
  void lastFmUserArtists() throws IOException {
    Interactions x =
        Formats.LASTFM_USER_ARTISTS.read(SharedDatasets.require("hetrec2011-lastfm-2k/user_artists.dat"));
    assertShape(x, 1_892, 17_632, 92_834);
    assertEquals(13883f, x.value()[0]); // first data line: 2 51 13883
    assertEquals(1f, min(x.value()));
    assertEquals(352_698f, max(x.value()));
  }
}
