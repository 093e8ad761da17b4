package org.alskernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.eval.PopularityRanker;
import org.alskernel.eval.Ranker;
import org.alskernel.eval.RankingEvaluator;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import org.alskernel.io.Formats;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.Scored;
import org.alskernel.model.UserVector;
import org.alskernel.store.ModelFile;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void recommendFoldInSaveAndEvaluate(@TempDir Path dir) throws Exception {
    Interactions data = Formats.MOVIELENS_100K.read(SharedDatasets.require("ml-100k/u.data"));
    AlsConfig config = AlsConfig.builder().factors(16).lambda(1f).alpha(5f).iterations(5).build();

    AlsModel model = new AlsTrainer(config).fit(data);
    CsrMatrix seen = data.toCsr();
    int u = model.users().indexOf("196");
    List<Scored> top = model.recommend(u, 10, seen, null);
    assertEquals(10, top.size());
    for (Scored s : top) {
      assertEquals(0f, seen.get(u, s.index()), "a seen item was recommended: " + s.id());
    }
    List<List<Scored>> many = model.recommend(new int[] {0, 1, 2}, 10, seen, null);
    assertEquals(3, many.size());
    List<Scored> like = model.similarItems(model.items().indexOf("50"), 10);
    assertEquals(10, like.size());
    UserVector x = model.foldIn(new int[] {3, 17}, new float[] {5f, 1f});
    List<Scored> forNew = model.recommend(x, 10, new int[] {3, 17});
    assertEquals(10, forNew.size());
    Path file = dir.resolve("model.als");
    ModelFile.save(model, file);
    AlsModel again = ModelFile.load(file);
    assertEquals(top, again.recommend(u, 10, seen, null));

    Split split = Splits.random(data, 0.2, 42);
    AlsModel trained = new AlsTrainer(config).fit(split.train());
    RankingMetrics als = RankingEvaluator.evaluate(Ranker.of(trained), split, 10);
    RankingMetrics pop = RankingEvaluator.evaluate(PopularityRanker.fit(split.train().toCsr()), split, 10);
    assertTrue(als.ndcg() > pop.ndcg(), als + " vs " + pop);
  }
}
