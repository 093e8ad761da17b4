package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alskernel.model.AlsModel;
import org.alskernel.model.Scored;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fitted model as Spark's ALSModel is used: predictions, the four blocked recommenders, Spark ML
 * persistence, and the conversions to and from the kernel's model. The kernel's model of the same
 * factors is the reference for every score.
 */
class KernelAlsModelTest {
  private static final Ratings DATA = Ratings.synthetic(120, 70, 8, 21);
  private static final float SCORE_TOL = 1e-5f;

  private static KernelAlsModel fit(String variant) {
    return new KernelAls().setVariant(variant).setRank(5).setMaxIter(3).setRegParam(0.1)
        .setNumUserBlocks(2).setNumItemBlocks(3).setSeed(8).fit(DATA.frame(LocalSpark.get()));
  }

  private static Dataset<Row> pairs(long[][] userItem) {
    StructType schema = new StructType().add("user", DataTypes.LongType)
        .add("item", DataTypes.LongType);
    List<Row> rows = new java.util.ArrayList<>();
    for (long[] p : userItem) {
      rows.add(RowFactory.create(p[0], p[1]));
    }
    return LocalSpark.get().createDataFrame(rows, schema);
  }

  @Test
  void transformPredictsTheKernelsScoreAndHandlesColdStarts() {
    for (String variant : List.of("implicit", "explicit-biased")) {
      KernelAlsModel model = fit(variant);
      AlsModel kernel = model.toAlsModel();
      long u = DATA.userIds()[3];
      long i = DATA.itemIds()[5];
      Dataset<Row> input = pairs(new long[][] {{u, i}, {u, -1}, {DATA.userIds()[7], i}});
      List<Row> out = model.transform(input).orderBy("user", "item").collectAsList();
      assertEquals(3, out.size());
      Map<String, Float> predicted = new HashMap<>();
      for (Row r : out) {
        predicted.put(r.getLong(0) + "/" + r.getLong(1), r.getFloat(2));
      }
      float expected = kernel.score(kernel.users().indexOf(u), kernel.items().indexOf(i));
      assertEquals(expected, predicted.get(u + "/" + i), SCORE_TOL * Math.abs(expected) + 1e-6f,
          variant);
      assertTrue(Float.isNaN(predicted.get(u + "/-1")), "an unknown item predicts NaN");
      assertEquals(2, model.copy(new org.apache.spark.ml.param.ParamMap())
          .setColdStartStrategy("drop").transform(input).count());
    }
  }

  @Test
  void recommendationsForAllUsersAreTheKernels() {
    KernelAlsModel model = fit("implicit-biased");
    AlsModel kernel = model.toAlsModel();
    List<Row> rows = model.recommendForAllUsers(4).collectAsList();
    assertEquals(DATA.userIds().length, rows.size());
    for (Row row : rows) {
      int u = kernel.users().indexOf(row.getLong(0));
      List<Scored> expected = kernel.recommend(u, 4);
      List<Row> got = row.getList(1);
      assertEquals(expected.size(), got.size());
      for (int j = 0; j < got.size(); j++) {
        assertEquals(kernel.items().longId(expected.get(j).index()), got.get(j).getLong(0));
        assertEquals(expected.get(j).score(), got.get(j).getFloat(1), 0f);
      }
    }
  }

  @Test
  void recommendationsForItemsAndSubsets() {
    KernelAlsModel model = fit("implicit");
    AlsModel kernel = model.toAlsModel();
    Row first = model.recommendForAllItems(3).orderBy("item").first();
    int item = kernel.items().indexOf(first.getLong(0));
    // the best users of an item, by brute force over every user
    Integer[] users = new Integer[kernel.userCount()];
    for (int u = 0; u < users.length; u++) {
      users[u] = u;
    }
    java.util.Arrays.sort(users, (a, b) -> Float.compare(kernel.score(b, item),
        kernel.score(a, item)));
    List<Row> got = first.getList(1);
    for (int j = 0; j < 3; j++) {
      assertEquals(kernel.users().longId(users[j]), got.get(j).getLong(0));
    }
    Dataset<Row> some = pairs(new long[][] {{DATA.userIds()[0], 0}, {DATA.userIds()[9], 0},
        {DATA.userIds()[9], 1}});
    List<Row> subset = model.recommendForUserSubset(some, 2).orderBy("user").collectAsList();
    assertEquals(2, subset.size());
    assertEquals(DATA.userIds()[0], subset.get(0).getLong(0));
    Dataset<Row> oneItem = pairs(new long[][] {{0, DATA.itemIds()[4]}});
    assertEquals(1, model.recommendForItemSubset(oneItem, 5).count());
  }

  @Test
  void survivesSaveAndLoadAndBothConversions(@TempDir Path dir) throws java.io.IOException {
    KernelAlsModel model = fit("explicit-biased").setPredictionCol("score");
    String path = dir.resolve("model").toString();
    model.write().save(path);
    KernelAlsModel loaded = KernelAlsModel.load(path);
    assertEquals("score", loaded.getPredictionCol());
    assertEquals(model.uid(), loaded.uid());
    assertEquals(model.settings(), loaded.settings());
    assertEquals(model.globalMean(), loaded.globalMean());
    AlsModel before = model.toAlsModel();
    AlsModel after = loaded.toAlsModel();
    assertArrayEquals(before.factors().userFactors(), after.factors().userFactors());
    assertArrayEquals(before.factors().itemFactors(), after.factors().itemFactors());
    AlsModel roundTrip = KernelAlsModel.fromAlsModel(LocalSpark.get(), before).toAlsModel();
    assertArrayEquals(before.factors().itemFactors(), roundTrip.factors().itemFactors());
    assertEquals(before.factors().userBias(3), roundTrip.factors().userBias(3));
    assertEquals(before.settings(), roundTrip.settings());
  }
}
