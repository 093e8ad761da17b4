package org.alskernel.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.model.Scored;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Top-n recommendations for every row of one side's factor table against all rows of the other:
 * both tables cut into chunks of {@link FactorChunk#ROWS} rows, every pair of chunks scored by the
 * kernel's batch recommender (SIMD dot products into a bounded heap per query row), and the
 * per-chunk lists of each query merged into its best n. Nothing the size of queries × candidates is
 * ever built.
 */
final class BlockedTopN {
  private BlockedTopN() {}

  /**
   * @param queries the side recommended for (id, features[, bias])
   * @param candidates the side recommended from
   * @param settings the model's settings (its variant says whether there are biases)
   * @param mean μ of an explicit biased model, else 0
   */
  static Dataset<Row> recommend(SparkSession spark, Dataset<Row> queries, Dataset<Row> candidates,
      int n, SolveSettings settings, float mean, String queryCol, String candidateCol) {
    if (n < 1) {
      throw new IllegalArgumentException("the number of recommendations must be ≥ 1, got " + n);
    }
    int k = settings.rank();
    boolean biased = settings.biased();
    JavaRDD<FactorChunk> queryChunks =
        queries.javaRDD().mapPartitions(rows -> FactorChunk.chunks(rows, k, biased));
    JavaRDD<FactorChunk> candidateChunks =
        candidates.javaRDD().mapPartitions(rows -> FactorChunk.chunks(rows, k, biased));
    JavaPairRDD<Long, TopList> best = queryChunks.cartesian(candidateChunks)
        .flatMapToPair(pair -> score(pair._1(), pair._2(), n, settings, mean).iterator())
        .reduceByKey((a, b) -> TopList.merge(a, b, n));
    StructType entry = new StructType()
        .add(candidateCol, DataTypes.LongType, false)
        .add("rating", DataTypes.FloatType, false);
    StructType schema = new StructType()
        .add(queryCol, DataTypes.LongType, false)
        .add("recommendations", DataTypes.createArrayType(entry, false), false);
    JavaRDD<Row> rows = best.map(t -> {
      TopList top = t._2();
      Row[] list = new Row[top.ids().length];
      for (int i = 0; i < list.length; i++) {
        list[i] = RowFactory.create(top.ids()[i], top.scores()[i]);
      }
      return RowFactory.create(t._1(), list);
    });
    return spark.createDataFrame(rows, schema);
  }

  /** Each query row's best n candidates of one chunk, scored by the kernel. */
  private static List<Tuple2<Long, TopList>> score(FactorChunk queries, FactorChunk candidates,
      int n, SolveSettings settings, float mean) {
    int k = settings.rank();
    FactorModel factors = queries.biases() == null
        ? new FactorModel(k, queries.size(), candidates.size(), queries.factors(),
            candidates.factors())
        : new FactorModel(k, queries.size(), candidates.size(), queries.factors(),
            candidates.factors(), mean, queries.biases(), candidates.biases());
    AlsModel model =
        AlsModel.withIndexIds(factors, new ModelSettings(settings.equation(), 0, 0));
    int[] all = new int[queries.size()];
    Arrays.setAll(all, i -> i);
    List<List<Scored>> lists = model.recommend(all, Math.min(n, candidates.size()), null, null,
        null);
    List<Tuple2<Long, TopList>> out = new ArrayList<>(all.length);
    for (int q = 0; q < all.length; q++) {
      List<Scored> list = lists.get(q);
      long[] ids = new long[list.size()];
      float[] scores = new float[list.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = candidates.ids()[list.get(i).index()];
        scores[i] = list.get(i).score();
      }
      sortTies(ids, scores);
      out.add(new Tuple2<>(queries.ids()[q], new TopList(ids, scores)));
    }
    return out;
  }

  /** Equal scores by the lower id first (the kernel orders them by index within the chunk). */
  private static void sortTies(long[] ids, float[] scores) {
    for (int i = 1; i < ids.length; i++) {
      for (int j = i; j > 0 && scores[j] == scores[j - 1] && ids[j] < ids[j - 1]; j--) {
        long id = ids[j];
        ids[j] = ids[j - 1];
        ids[j - 1] = id;
      }
    }
  }
}
