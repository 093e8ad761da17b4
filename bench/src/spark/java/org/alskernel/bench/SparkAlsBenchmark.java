package org.alskernel.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spark MLlib's ALS (implicitPrefs, local mode) on the matrix and k of {@link SweepBenchmark}, same
 * λ = 0.1 and α = 1: the baseline most JVM users would otherwise run. Compiled only with the Maven
 * profile {@code spark} (source folder src/spark/java), run with Spark on the class path:
 *
 * <pre>
 * mvn -B -Pspark -pl kernel,validation,bench -am package -DskipTests
 * java -cp "bench/target/benchmarks.jar:bench/target/spark-lib/*" org.openjdk.jmh.Main SparkAlsBenchmark
 * </pre>
 *
 * <p><b>What is measured.</b> {@code ALS.fit} is the only public entry point, and it does more than
 * iterate: it casts and checks the columns, hash-partitions the ratings into user and item blocks
 * (two shuffles), builds and caches the in/out blocks, initialises the factors, runs maxIter
 * iterations, and materialises the final factors. The kernel's {@code SweepBenchmark.iteration}
 * excludes all of that set-up. So each fit is timed twice, with maxIter = 1 ({@link #fitOneIteration})
 * and maxIter = 2 ({@link #fitTwoIterations}), on the same cached DataFrame; their difference is one
 * steady-state iteration (an item half-sweep and a user half-sweep, each with its YᵀY), and the report
 * derives it as {@code SparkAlsBenchmark.iteration} = fitTwoIterations − fitOneIteration, errors
 * combined in quadrature. fitOneIteration minus that is Spark's set-up cost.
 *
 * <p><b>Set-up, outside the timing.</b> A local SparkSession ({@code threads=1}: {@code local[1]};
 * {@code all}: {@code local[*]}) bound to the loopback address, no UI, shuffle partitions = threads.
 * The matrix from {@link BenchDatasets} becomes a DataFrame of (user int, item int, rating float)
 * rows, one per stored entry, partitioned over the threads, cached and counted, so that every fit
 * starts from the same in-memory DataFrame. The rows are made by Spark's own tasks from
 * {@code spark.range}, reading the entries from a static field ({@link Entries}): local mode runs
 * its tasks in this JVM, so nothing is serialised or written to disk. (Reading a file instead goes
 * through Hadoop's FileSystem, which fails on JDK 25: Hadoop 3.4 calls Subject.getSubject. The same
 * call makes Spark log one harmless warning with a stack trace at start-up, when it qualifies the
 * SQL warehouse path.)
 *
 * <p>Three warm-up fits, not one: on ml-100k the first fits after start-up take up to four times as
 * long as later ones (class loading, JIT), which would swamp the difference of the two fits. ALS keeps Spark's default
 * 10 user and 10 item blocks; checkpointing is off (no checkpoint directory); the seed is fixed.
 * Spark's normal equations use netlib's native BLAS when libblas.so.3 loads, else its Java BLAS.
 *
 * <p>The fork's JVM flags are Spark's own for JDK 17+ (org.apache.spark.launcher.JavaModuleOptions,
 * the same list spark-parent passes its tests), minus the obsolete
 * {@code -Djdk.reflect.useDirectMethodHandle}, plus the heap and the vector module the rest of the
 * suite uses.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g",
    "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true"})
@State(Scope.Benchmark)
public class SparkAlsBenchmark {
  @Param({"synthetic-5m", "ml-100k", "lastfm"})
  public String data;

  @Param({"32", "64", "128"})
  public int k;

  @Param({"1", "all"})
  public String threads;

  private SparkSession spark;
  private Dataset<Row> ratings;
  /** The RDDs persisted after set-up (the cached ratings): every other one is a fit's leftover. */
  private final Set<Integer> keep = new HashSet<>();

  /**
   * The matrix as coordinates, for the tasks that build the DataFrame. Static because a local-mode
   * task runs in this JVM and its function is deserialised there: no data travels with it.
   */
  static final class Entries {
    static volatile int[] users;
    static volatile int[] items;
    static volatile float[] ratings;

    private Entries() {}

    static void set(CsrMatrix m) {
      int[] indptr = m.indptr();
      int[] u = new int[m.nnz()];
      for (int row = 0; row < m.rows(); row++) {
        for (int p = indptr[row]; p < indptr[row + 1]; p++) {
          u[p] = row;
        }
      }
      users = u;
      items = m.indices().clone();
      ratings = m.values().clone();
    }

    static void clear() {
      users = null;
      items = null;
      ratings = null;
    }

    static Row row(long i) {
      int p = Math.toIntExact(i);
      return RowFactory.create(users[p], items[p], ratings[p]);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    CsrMatrix m = BenchDatasets.load(data);
    int cores = threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
    Entries.set(m);
    spark = SparkSession.builder()
        .appName("als-kernel SparkAlsBenchmark")
        .master(threads.equals("all") ? "local[*]" : "local[" + cores + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", Integer.toString(cores))
        .config("spark.default.parallelism", Integer.toString(cores))
        .config("spark.log.level", "WARN")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    StructType schema = new StructType()
        .add("user", DataTypes.IntegerType, false)
        .add("item", DataTypes.IntegerType, false)
        .add("rating", DataTypes.FloatType, false);
    ratings = spark.range(0, m.nnz(), 1, cores)
        .map((MapFunction<Long, Row>) Entries::row, Encoders.row(schema))
        .persist(StorageLevel.MEMORY_ONLY());
    long rows = ratings.count();
    if (rows != m.nnz()) {
      throw new IllegalStateException("Spark made " + rows + " ratings, the matrix has " + m.nnz());
    }
    keep.addAll(JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs().keySet());
  }

  /** Drops the factors a fit leaves cached, so that fits do not pile up in memory (not timed). */
  @TearDown(Level.Invocation)
  public void unpersistFactors() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.getPersistentRDDs().forEach((id, rdd) -> {
      if (!keep.contains(id)) {
        rdd.unpersist(true);
      }
    });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (ratings != null) {
      ratings.unpersist();
    }
    if (spark != null) {
      spark.stop();
    }
    Entries.clear();
  }

  private ALSModel fit(int maxIter) {
    ALS als = new ALS()
        .setImplicitPrefs(true)
        .setRank(k)
        .setRegParam(0.1)
        .setAlpha(1.0)
        .setMaxIter(maxIter)
        .setSeed(42)
        .setUserCol("user")
        .setItemCol("item")
        .setRatingCol("rating");
    return als.fit(ratings);
  }

  /** ALS.fit with maxIter = 1: Spark's set-up plus one iteration. */
  @Benchmark
  public ALSModel fitOneIteration() {
    return fit(1);
  }

  /** ALS.fit with maxIter = 2: the same set-up plus two iterations. */
  @Benchmark
  public ALSModel fitTwoIterations() {
    return fit(2);
  }
}
