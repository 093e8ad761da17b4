package org.alskernel.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.alskernel.data.CsrMatrix;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
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
 * A fit on Spark in local mode, timed as a whole, on the matrix and k of {@link SweepBenchmark}: the
 * common set-up of {@link SparkAlsBenchmark} (Spark MLlib's ALS) and {@link KernelOnSparkBenchmark}
 * (this project's spark module), which run the same fits on the same cached DataFrame. Compiled only
 * with the Maven profile {@code spark} (source folder src/spark/java), run with Spark on the class
 * path:
 *
 * <pre>
 * mvn -B -Pspark -pl kernel,validation,spark,bench -am package -DskipTests
 * java -cp "bench/target/benchmarks.jar:bench/target/spark-lib/*" org.openjdk.jmh.Main Spark
 * </pre>
 *
 * <p><b>What is measured.</b> {@code fit} is the only public entry point of both, and it does more
 * than iterate: it checks the columns, partitions the ratings into user and item blocks (two
 * shuffles), builds and caches the blocks, initialises the factors, runs maxIter iterations, and
 * materialises the final factors. {@code SweepBenchmark.iteration} excludes all of that set-up. So
 * each fit is timed with maxIter = 1 ({@link #fitOneIteration}) and maxIter = 2 ({@link
 * #fitTwoIterations}) on the same cached DataFrame; their difference is one steady-state iteration
 * (an item half-sweep and a user half-sweep, each with its Gram matrix), derived by the report as
 * {@code iteration} = fitTwoIterations − fitOneIteration, errors combined in quadrature.
 * fitOneIteration minus that is the set-up. {@link #fitTenIterations} is a whole fit as users run it.
 *
 * <p><b>Set-up, outside the timing.</b> A local SparkSession ({@code threads=1}: {@code local[1]};
 * {@code all}: {@code local[*]}) bound to the loopback address, no UI, shuffle partitions = threads.
 * The matrix from {@link BenchDatasets} becomes a DataFrame of (user int, item int, rating float)
 * rows, one per stored entry, partitioned over the threads, cached and counted, so that every fit
 * starts from the same in-memory DataFrame. The rows are made by Spark's own tasks from
 * {@code spark.range}, reading the entries from a static field ({@link Entries}): local mode runs
 * its tasks in this JVM, so nothing is serialised or written to disk.
 *
 * <p>Three warm-up fits, not one: on ml-100k the first fits after start-up take up to four times as
 * long as later ones (class loading, JIT), which would swamp the difference of the two fits. Both
 * use the same user and item block counts ({@link #blocks}, by default Spark's 10), λ = 0.1 scaled
 * by each row's count (Spark's meaning of regParam) and α = 1; checkpointing is off (no checkpoint
 * directory); the seed is fixed.
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
public abstract class SparkFits {
  @Param({"synthetic-5m", "ml-100k", "lastfm"}) // and synthetic-50m, by -p data=synthetic-50m
  public String data;

  @Param({"32", "64", "128"})
  public int k;

  @Param({"1", "all"})
  public String threads;

  /** User blocks and item blocks of a fit: 10 is the default of both engines. */
  @Param({"10"})
  public int blocks;

  /**
   * Cores each task holds ({@code spark.task.cpus}): MLlib's solves use one whatever it is; the
   * kernel's block sweep runs that many threads.
   */
  @Param({"1"})
  public int taskCpus;

  SparkSession spark;
  Dataset<Row> ratings;
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
    int cores = BenchData.threads(threads);
    Entries.set(m);
    spark = SparkSession.builder()
        .appName("als-kernel SparkAlsBenchmark")
        .master(threads.equals("all") ? "local[*]" : "local[" + cores + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", Integer.toString(cores))
        .config("spark.default.parallelism", Integer.toString(cores))
        .config("spark.task.cpus", Integer.toString(taskCpus))
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

  /** The engine to fit, with its defaults: {@link #fit} gives both engines the same settings. */
  abstract Estimator<?> engine();

  /**
   * A fit of maxIter iterations on {@link #ratings}, returning the fitted model. The settings go by
   * Spark ML param name, which the two engines share: implicit feedback, rank k, λ = 0.1, α = 1,
   * seed 42, {@link #blocks} user and item blocks.
   */
  Object fit(int maxIter) {
    Estimator<?> e = engine();
    ParamMap settings = new ParamMap()
        .put(e.getParam("implicitPrefs"), true)
        .put(e.getParam("rank"), k)
        .put(e.getParam("regParam"), 0.1)
        .put(e.getParam("alpha"), 1.0)
        .put(e.getParam("maxIter"), maxIter)
        .put(e.getParam("seed"), 42L)
        .put(e.getParam("numUserBlocks"), blocks)
        .put(e.getParam("numItemBlocks"), blocks)
        .put(e.getParam("userCol"), "user")
        .put(e.getParam("itemCol"), "item")
        .put(e.getParam("ratingCol"), "rating");
    return e.fit(ratings, settings);
  }

  /** A fit with maxIter = 1: the set-up plus one iteration. */
  @Benchmark
  public Object fitOneIteration() {
    return fit(1);
  }

  /** A fit with maxIter = 2: the same set-up plus two iterations. */
  @Benchmark
  public Object fitTwoIterations() {
    return fit(2);
  }

  /** A whole fit of 10 iterations (the default maxIter of both). */
  @Benchmark
  public Object fitTenIterations() {
    return fit(10);
  }
}
