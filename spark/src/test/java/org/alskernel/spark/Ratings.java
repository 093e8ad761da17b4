package org.alskernel.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.alskernel.data.CsrMatrix;
import org.alskernel.train.AlsSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded synthetic rating matrix in both forms the tests compare: a DataFrame (user long ids past
 * the int range, item int ids, rating float) and the kernel's CSR matrix with rows and columns in
 * ascending id order, as the Spark blocks order them.
 */
record Ratings(long[] userIds, long[] itemIds, CsrMatrix matrix, List<Row> rows) {
  static final long FIRST_USER = 5_000_000_000L;

  static Ratings synthetic(int users, int items, int perUser, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] userIds = new long[users];
    long[] itemIds = new long[items];
    for (int u = 0; u < users; u++) {
      userIds[u] = FIRST_USER + 13L * u;
    }
    for (int i = 0; i < items; i++) {
      itemIds[i] = 3L * i + 1;
    }
    int[] indptr = new int[users + 1];
    List<Integer> indices = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      TreeSet<Integer> chosen = new TreeSet<>();
      int n = 1 + random.nextInt(2 * perUser);
      while (chosen.size() < Math.min(n, items)) {
        // skewed towards low item numbers, as popularity is
        double x = random.nextDouble();
        chosen.add((int) (items * x * x));
      }
      for (int i : chosen) {
        float r = 1 + random.nextInt(5);
        indices.add(i);
        values.add(r);
        rows.add(RowFactory.create(userIds[u], (int) itemIds[i], r));
      }
      indptr[u + 1] = indices.size();
    }
    int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
    float[] val = new float[values.size()];
    for (int e = 0; e < val.length; e++) {
      val[e] = values.get(e);
    }
    return new Ratings(userIds, itemIds, CsrMatrix.of(users, items, indptr, idx, val), rows);
  }

  Dataset<Row> frame(SparkSession spark) {
    StructType schema = new StructType()
        .add("user", DataTypes.LongType, false)
        .add("item", DataTypes.IntegerType, false)
        .add("rating", DataTypes.FloatType, false);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  /** Sets the session's item factors to the Spark fit's starting point for {@code seed}. */
  void startLikeSpark(AlsSession session, long seed, int k, float scale) {
    float[] items = new float[itemIds.length * k];
    for (int i = 0; i < itemIds.length; i++) {
      InitialFactors.row(seed, InitialFactors.Side.ITEM, itemIds[i], k, scale, items, i * k);
    }
    session.setItemFactors(items);
  }
}
