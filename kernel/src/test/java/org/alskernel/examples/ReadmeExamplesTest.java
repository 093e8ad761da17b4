package org.alskernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.io.Formats;
import org.alskernel.model.FactorModel;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.Test;

/** The README's "Load a file" and "Train" snippets, run as written on ml-100k. */
class ReadmeExamplesTest {

  @Test
  void loadThenTrainOnMovieLens100k() throws Exception {
    Interactions data = Formats.MOVIELENS_100K.read(SharedDatasets.require("ml-100k/u.data"));
    CsrMatrix ratings = data.toCsr();
    assertEquals("943 users x 1682 items, 100000 interactions",
        ratings.rows() + " users x " + ratings.cols() + " items, " + ratings.nnz() + " interactions");
    assertEquals("196", data.users().id(0), "u.data's first line is user 196");

    List<Double> losses = new ArrayList<>();
    AlsConfig config = AlsConfig.builder()
        .factors(64).lambda(0.1f).alpha(10f).iterations(10)
        .computeLoss(true)
        .listener(e -> {
          System.out.printf("iteration %2d  loss %.6e  %6.1f ms%n", e.iteration(), e.loss(), e.elapsedNanos() / 1e6);
          losses.add(e.loss());
          return true;
        })
        .build();
    FactorModel model = new AlsTrainer(config).fit(ratings);
    assertEquals(10, losses.size());
    assertTrue(losses.get(9) < 0.5 * losses.get(0), "loss should fall well below its first value: " + losses);
    assertTrue(Float.isFinite(model.score(0, 42)));
  }
}
