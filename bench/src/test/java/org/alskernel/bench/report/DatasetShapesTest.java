package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.synthetic.SyntheticInteractions;
import org.alskernel.io.Formats;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds the shapes in {@link DatasetShapes} to what BenchDatasets really loads. ml20m-shape (20 M
 * entries) is too slow to generate in a unit test; its constants are the generator's own arguments.
 */
class DatasetShapesTest {
  private static void assertShape(String name, CsrMatrix m) {
    DatasetShapes.Shape s = DatasetShapes.of(name);
    assertEquals(s.users(), m.rows(), name + " users");
    assertEquals(s.items(), m.cols(), name + " items");
    assertEquals(s.nnz(), m.nnz(), name + " nnz");
  }

  @Test
  void syntheticMatchesTheGenerator() {
    assertShape("synthetic-5m", SyntheticInteractions.benchmark100k(42));
  }

  @Test
  void ml20mShapeConstants() {
    assertEquals(new DatasetShapes.Shape(138_493, 26_744, 20_000_263), DatasetShapes.of("ml20m-shape"));
  }

  @Test
  void realFilesMatchWhenPresent() throws IOException {
    Path root = datasets();
    if (root == null) {
      String message = "SKIPPED DatasetShapesTest: shared/datasets not found (ml-100k/u.data); download"
          + " the datasets as README.md (\"Datasets\") says, or point -Dalskernel.datasets=DIR at them";
      System.out.println(message);
      Assumptions.abort(message);
    }
    assertShape("ml-100k", Formats.MOVIELENS_100K.read(root.resolve("ml-100k/u.data")).toCsr());
    assertShape("lastfm", Formats.LASTFM_USER_ARTISTS
        .read(root.resolve("hetrec2011-lastfm-2k/user_artists.dat")).toCsr());
  }

  /** The same places BenchDatasets looks, plus the folder beside the checkout as seen from bench/. */
  private static Path datasets() {
    List<String> candidates = new ArrayList<>();
    if (System.getProperty("alskernel.datasets") != null) {
      candidates.add(System.getProperty("alskernel.datasets"));
    }
    if (System.getenv("ALSKERNEL_DATASETS") != null) {
      candidates.add(System.getenv("ALSKERNEL_DATASETS"));
    }
    candidates.addAll(List.of("../shared/datasets", "../../shared/datasets"));
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isRegularFile(p.resolve("ml-100k/u.data"))) {
        return p;
      }
    }
    return null;
  }
}
