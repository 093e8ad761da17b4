package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;
import org.alskernel.eval.Ranker;
import org.alskernel.eval.RankingEvaluator;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import org.alskernel.io.Formats;
import org.alskernel.model.AlsModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * On MovieLens 100K, a fit on Spark ranks the held-out items as well as the in-process trainer with
 * the same seed: every ranking metric within 0.001. Both start from the same factors ({@link
 * InitialFactors}) and differ only in summation order.
 */
class MovieLensSparkTest {
  private static final int K = 16;
  private static final int ITERATIONS = 10;
  private static final long SEED = 3;

  @Test
  void rankingMetricsEqualTheInProcessTrainers() throws IOException {
    Path file = SharedDatasets.require("ml-100k/u.data");
    Interactions data = Formats.MOVIELENS_100K.read(file);
    Split split = Splits.random(data, 0.2, 42);
    CsrMatrix train = split.train().toCsr();
    CsrMatrix test = split.test().toCsr();

    AlsConfig config = AlsConfig.builder().factors(K).lambda(0.05f).alpha(1f)
        .lambdaScaledByCount(true).threads(2).build();
    AlsModel inProcess;
    try (AlsSession session = new AlsSession(train, config)) {
      float[] items = new float[train.cols() * K];
      for (int i = 0; i < train.cols(); i++) {
        InitialFactors.row(SEED, InitialFactors.Side.ITEM, data.items().longId(i), K,
            config.initScale(), items, i * K);
      }
      session.setItemFactors(items);
      for (int it = 0; it < ITERATIONS; it++) {
        session.iterate();
      }
      inProcess = AlsModel.withIndexIds(session.toModel(),
          new ModelSettings(config.equation(), ITERATIONS, SEED));
    }

    AlsModel onSpark = new KernelAls().setImplicitPrefs(true).setRank(K).setRegParam(0.05)
        .setAlpha(1).setMaxIter(ITERATIONS).setSeed(SEED).fit(frame(split.train()))
        .toAlsModel();

    RankingMetrics expected = RankingEvaluator.evaluate(Ranker.of(inProcess), train, test, 10,
        null);
    RankingMetrics actual = RankingEvaluator.evaluate(inSplitOrder(onSpark, data), train, test, 10,
        null);
    System.out.println("ml-100k, k = " + K + ", " + ITERATIONS + " iterations: in process "
        + expected + "; on Spark " + actual);
    assertEquals(expected.precision(), actual.precision(), 0.001, "precision");
    assertEquals(expected.recall(), actual.recall(), 0.001, "recall");
    assertEquals(expected.map(), actual.map(), 0.001, "MAP");
    assertEquals(expected.ndcg(), actual.ndcg(), 0.001, "nDCG");
    assertEquals(expected.auc(), actual.auc(), 0.001, "AUC");
  }

  private static Dataset<Row> frame(Interactions train) {
    List<Row> rows = new ArrayList<>(train.size());
    for (int e = 0; e < train.size(); e++) {
      rows.add(RowFactory.create(train.users().longId(train.userIndex()[e]),
          train.items().longId(train.itemIndex()[e]), train.value()[e]));
    }
    StructType schema = new StructType().add("user", DataTypes.LongType, false)
        .add("item", DataTypes.LongType, false).add("rating", DataTypes.FloatType, false);
    return LocalSpark.get().createDataFrame(rows, schema);
  }

  /**
   * The Spark model scored in the split's user and item indices. A user or item without training
   * ratings has no factors there and scores 0, as its zero factors score in process.
   */
  private static Ranker inSplitOrder(AlsModel model, Interactions data) {
    IdMap users = data.users();
    IdMap items = data.items();
    int[] itemInModel = new int[items.size()];
    for (int i = 0; i < itemInModel.length; i++) {
      itemInModel[i] = model.items().indexOf(items.longId(i));
    }
    return new Ranker() {
      @Override
      public int users() {
        return users.size();
      }

      @Override
      public int items() {
        return items.size();
      }

      @Override
      public void score(int user, float[] out) {
        int u = model.users().indexOf(users.longId(user));
        if (u < 0) {
          Arrays.fill(out, 0, items.size(), 0f);
          return;
        }
        float[] scores = new float[model.itemCount()];
        model.scoreAll(u, scores);
        for (int i = 0; i < itemInModel.length; i++) {
          out[i] = itemInModel[i] < 0 ? 0f : scores[itemInModel[i]];
        }
      }
    };
  }
}
