package org.alskernel.bench;

import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.spark.InitialFactors;
import org.alskernel.spark.KernelAls;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The objective after 10 iterations on Spark against the in-process trainer's, on a benchmark
 * matrix (docs/distributed.md): the settings of {@link KernelOnSparkBenchmark}, both started from the
 * same factors ({@link InitialFactors}), both evaluated by the kernel's objective on the same matrix.
 *
 * <pre>
 * java $SPARK_FLAGS -cp "bench/target/benchmarks.jar:bench/target/spark-lib/*" \
 *     org.alskernel.bench.SparkObjective synthetic-5m 64
 * </pre>
 */
public final class SparkObjective {
  private static final int ITERATIONS = 10;
  private static final long SEED = 42;
  private SparkObjective() {}

  public static void main(String[] args) {
    String data = args.length > 0 ? args[0] : "synthetic-5m";
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    CsrMatrix matrix = BenchDatasets.load(data);
    AlsConfig config = AlsConfig.builder().factors(k).lambda(0.1f).alpha(1f)
        .lambdaScaledByCount(true).threads(Runtime.getRuntime().availableProcessors()).build();
    double inProcess;
    try (AlsSession session = new AlsSession(matrix, config)) {
      float[] items = new float[matrix.cols() * k];
      for (int i = 0; i < matrix.cols(); i++) {
        InitialFactors.row(SEED, InitialFactors.Side.ITEM, i, k, config.initScale(), items, i * k);
      }
      session.setItemFactors(items);
      for (int it = 0; it < ITERATIONS; it++) {
        session.iterate();
      }
      inProcess = session.loss();
    }
    SparkSession spark = SparkSession.builder().master("local[*]").appName("SparkObjective")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    StructType schema = new StructType().add("user", DataTypes.IntegerType, false)
        .add("item", DataTypes.IntegerType, false).add("rating", DataTypes.FloatType, false);
    SparkFits.Entries.set(matrix);
    Dataset<Row> ratings = spark.range(0, matrix.nnz(), 1, 2)
        .map((MapFunction<Long, Row>) SparkFits.Entries::row, Encoders.row(schema))
        .persist(StorageLevel.MEMORY_ONLY());
    AlsModel fitted = new KernelAls().setImplicitPrefs(true).setRank(k).setRegParam(0.1)
        .setAlpha(1.0).setMaxIter(ITERATIONS).setSeed(SEED).fit(ratings).toAlsModel();
    spark.stop();
    double onSpark;
    try (AlsSession session = new AlsSession(matrix, config)) {
      session.setUserFactors(byIndex(fitted.factors().userFactors(), fitted.users(),
          matrix.rows(), k));
      session.setItemFactors(byIndex(fitted.factors().itemFactors(), fitted.items(),
          matrix.cols(), k));
      onSpark = session.loss();
    }
    System.out.printf("%s, k = %d, objective after %d iterations: in process %.6e, on Spark %.6e,"
        + " relative difference %.2e%n", data, k, ITERATIONS, inProcess, onSpark,
        Math.abs(onSpark - inProcess) / inProcess);
  }

  /**
   * Factor rows placed at their ids, which are the matrix's indices here; a row without ratings has
   * no factors on Spark and zeros in process.
   */
  private static float[] byIndex(float[] factors, IdMap ids, int rows, int k) {
    float[] placed = new float[rows * k];
    for (int r = 0; r < ids.size(); r++) {
      System.arraycopy(factors, r * k, placed, (int) ids.longId(r) * k, k);
    }
    return placed;
  }
}
