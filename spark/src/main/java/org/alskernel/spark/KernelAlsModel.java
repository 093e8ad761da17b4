package org.alskernel.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.Solver;
import org.alskernel.sweep.Weighting;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A model fitted by {@link KernelAls}, as Spark's {@code ALSModel}: the factor tables {@link
 * #userFactors()} and {@link #itemFactors()} (id long, features array&lt;float&gt;, and bias float for
 * the biased variants), {@link #transform} adding the predicted score, the blocked top-n
 * recommendations, and Spark ML persistence ({@link #write()}, {@link #load}). {@link #toAlsModel()}
 * and {@link #fromAlsModel} convert to and from the kernel's model, so a model trained on a cluster
 * is served by one JVM.
 *
 * <p>The score is x_uᵀy_i, plus β_u + γ_i for implicit-biased and μ + β_u + γ_i for explicit-biased
 * models, as the kernel's model scores.
 */
public final class KernelAlsModel extends Model<KernelAlsModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  /** Prefix of the factor columns transform joins in, so they cannot clash with the input's. */
  private static final String JOINED = "__kernel_als_";

  private final String uid;
  private final SolveSettings settings;
  private final int iterations;
  private final long seed;
  private final float mean;
  private final Dataset<Row> userFactors;
  private final Dataset<Row> itemFactors;
  private final Param<String> userCol;
  private final Param<String> itemCol;
  private final Param<String> predictionCol;
  private final Param<String> coldStartStrategy;

  KernelAlsModel(String uid, SolveSettings settings, int iterations, long seed, float mean,
      Dataset<Row> userFactors, Dataset<Row> itemFactors) {
    this.uid = uid;
    this.settings = settings;
    this.iterations = iterations;
    this.seed = seed;
    this.mean = mean;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    userCol = ColumnParams.userCol(this);
    itemCol = ColumnParams.itemCol(this);
    predictionCol = ColumnParams.predictionCol(this);
    coldStartStrategy = ColumnParams.coldStartStrategy(this);
    setDefault(userCol, "user");
    setDefault(itemCol, "item");
    setDefault(predictionCol, "prediction");
    setDefault(coldStartStrategy, ColumnParams.NAN);
  }

  /** The model of a finished fit: its factor tables stored at {@code level} and counted. */
  static KernelAlsModel of(String uid, SparkSession spark, BlockedAls.Fitted fitted,
      SolveSettings settings, int iterations, long seed, StorageLevel level,
      StorageLevel intermediate) {
    Dataset<Row> users = factorTable(spark, fitted.users().in(), fitted.userFactors(), settings);
    Dataset<Row> items = factorTable(spark, fitted.items().in(), fitted.itemFactors(), settings);
    if (level != StorageLevel.NONE()) {
      users.persist(level).count();
      items.persist(level).count();
      fitted.userFactors().unpersist(false);
      fitted.itemFactors().unpersist(false);
      for (BlockedAls.SideBlocks side : List.of(fitted.users(), fitted.items())) {
        side.in().unpersist(false);
        side.out().unpersist(false);
      }
    }
    return new KernelAlsModel(uid, settings, iterations, seed, fitted.mean(), users, items);
  }

  /** The schema of a factor table. */
  static StructType factorSchema(boolean biased) {
    StructType schema = new StructType()
        .add("id", DataTypes.LongType, false)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    return biased ? schema.add("bias", DataTypes.FloatType, false) : schema;
  }

  private static Dataset<Row> factorTable(SparkSession spark, JavaPairRDD<Integer, InBlock> in,
      JavaPairRDD<Integer, float[]> factors, SolveSettings s) {
    int k = s.rank();
    int width = s.width();
    boolean biased = s.biased();
    JavaRDD<Row> rows = in.join(factors).values().flatMap(t -> {
      long[] ids = t._1().ids;
      float[] data = t._2();
      List<Row> out = new ArrayList<>(ids.length);
      for (int r = 0; r < ids.length; r++) {
        out.add(factorRow(ids[r], data, r * width, k, biased));
      }
      return out.iterator();
    });
    return spark.createDataFrame(rows, factorSchema(biased));
  }

  private static Row factorRow(long id, float[] data, int offset, int k, boolean biased) {
    float[] features = Arrays.copyOfRange(data, offset, offset + k);
    return biased ? RowFactory.create(id, features, data[offset + k])
        : RowFactory.create(id, features);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** k, the length of every factor vector. */
  public int rank() {
    return settings.rank();
  }

  /** The user factor table: id long, features array&lt;float&gt;, and bias float when biased. */
  public Dataset<Row> userFactors() {
    return userFactors;
  }

  /** The item factor table, as {@link #userFactors()}. */
  public Dataset<Row> itemFactors() {
    return itemFactors;
  }

  /** μ of an explicit-biased model (the mean training rating), else 0. */
  public float globalMean() {
    return mean;
  }

  /** The settings the model was trained with, as the kernel records them. */
  public ModelSettings settings() {
    return new ModelSettings(settings.equation(), iterations, seed);
  }

  SolveSettings solveSettings() {
    return settings;
  }

  /**
   * {@code dataset} with predictionCol: the score of each row's user and item, NaN (or the row left
   * out, with coldStartStrategy = drop) when the model has no factors for one of them.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> data = dataset.toDF();
    Dataset<Row> users = joinable(userFactors, "user_");
    Dataset<Row> items = joinable(itemFactors, "item_");
    Dataset<Row> joined = data
        .join(users, data.col(getUserCol()).cast("long").equalTo(users.col(JOINED + "user_id")),
            "left")
        .join(items, data.col(getItemCol()).cast("long").equalTo(items.col(JOINED + "item_id")),
            "left");
    Column score = expr("aggregate(zip_with(" + JOINED + "user_features, " + JOINED
        + "item_features, (x, y) -> x * y), CAST(0 AS FLOAT), (sum, p) -> sum + p)");
    if (settings.biased()) {
      score = score.plus(col(JOINED + "user_bias")).plus(col(JOINED + "item_bias"))
          .plus(lit(mean));
    }
    Dataset<Row> scored = joined.withColumn(getPredictionCol(),
        coalesce(score.cast("float"), lit(Float.NaN)));
    for (String column : users.columns()) {
      scored = scored.drop(column);
    }
    for (String column : items.columns()) {
      scored = scored.drop(column);
    }
    return getColdStartStrategy().equals(ColumnParams.DROP)
        ? scored.na().drop(new String[] {getPredictionCol()}) : scored;
  }

  private static Dataset<Row> joinable(Dataset<Row> factors, String side) {
    Dataset<Row> renamed = factors;
    for (String column : factors.columns()) {
      renamed = renamed.withColumnRenamed(column, JOINED + side + column);
    }
    return renamed;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    RatingColumns.requireIdColumn(schema, "user", getUserCol());
    RatingColumns.requireIdColumn(schema, "item", getItemCol());
    return withPrediction(schema, getPredictionCol());
  }

  static StructType withPrediction(StructType schema, String predictionCol) {
    if (schema.getFieldIndex(predictionCol).isDefined()) {
      throw new IllegalArgumentException("the prediction column '" + predictionCol
          + "' already exists in the input");
    }
    return schema.add(predictionCol, DataTypes.FloatType, false);
  }

  /** The n best items of every user: userCol, recommendations array&lt;(itemCol, rating)&gt;. */
  public Dataset<Row> recommendForAllUsers(int n) {
    return BlockedTopN.recommend(userFactors.sparkSession(), userFactors, itemFactors, n, settings,
        mean, getUserCol(), getItemCol());
  }

  /** The n best users of every item: itemCol, recommendations array&lt;(userCol, rating)&gt;. */
  public Dataset<Row> recommendForAllItems(int n) {
    return BlockedTopN.recommend(itemFactors.sparkSession(), itemFactors, userFactors, n, settings,
        mean, getItemCol(), getUserCol());
  }

  /** {@link #recommendForAllUsers} for the distinct users in {@code dataset}'s userCol. */
  public Dataset<Row> recommendForUserSubset(Dataset<?> dataset, int n) {
    return BlockedTopN.recommend(userFactors.sparkSession(), subset(userFactors, dataset,
        "user", getUserCol()), itemFactors, n, settings, mean, getUserCol(), getItemCol());
  }

  /** {@link #recommendForAllItems} for the distinct items in {@code dataset}'s itemCol. */
  public Dataset<Row> recommendForItemSubset(Dataset<?> dataset, int n) {
    return BlockedTopN.recommend(itemFactors.sparkSession(), subset(itemFactors, dataset,
        "item", getItemCol()), userFactors, n, settings, mean, getItemCol(), getUserCol());
  }

  private static Dataset<Row> subset(Dataset<Row> factors, Dataset<?> dataset, String role,
      String column) {
    RatingColumns.requireIdColumn(dataset.schema(), role, column);
    Dataset<Row> ids = dataset.toDF().select(col(column).cast("long").as(JOINED + "id")).distinct();
    return factors.join(ids, factors.col("id").equalTo(ids.col(JOINED + "id")), "left_semi");
  }

  /**
   * The kernel's model of these factors, collected to the driver: ids in ascending order, the
   * settings as trained.
   */
  public AlsModel toAlsModel() {
    int k = rank();
    boolean biased = settings.biased();
    FactorChunk users = FactorChunk.of(userFactors.orderBy("id").collectAsList(), k, biased);
    FactorChunk items = FactorChunk.of(itemFactors.orderBy("id").collectAsList(), k, biased);
    FactorModel factors = biased
        ? new FactorModel(k, users.size(), items.size(), users.factors(), items.factors(), mean,
            users.biases(), items.biases())
        : new FactorModel(k, users.size(), items.size(), users.factors(), items.factors());
    return new AlsModel(factors, idMap(users.ids()), idMap(items.ids()), settings());
  }

  private static IdMap idMap(long[] ids) {
    IdMap map = IdMap.forLongs(ids.length);
    for (long id : ids) {
      map.getOrAdd(id);
    }
    return map;
  }

  /**
   * A Spark model of the kernel's {@code model}, for blocked recommendations on a cluster.
   *
   * @throws IllegalArgumentException when the model's ids are strings (Spark's id columns are
   *     numbers) or it has rating weights or a rating scale, which this module does not train
   */
  public static KernelAlsModel fromAlsModel(SparkSession spark, AlsModel model) {
    if (!model.users().isNumeric() || !model.items().isNumeric()) {
      throw new IllegalArgumentException("the model's ids are strings; a Spark model's ids are"
          + " numbers");
    }
    ModelSettings ms = model.settings();
    Equation e = ms.equation();
    if (e.weighting().kind() != Weighting.Kind.UNIFORM || e.ratingScale() != null) {
      throw new IllegalArgumentException("the model has rating weights (" + e.weighting().kind()
          + ") or a rating scale, which the Spark module does not support");
    }
    SolveSettings settings = new SolveSettings(e.variant(), e.factors(), e.lambda(),
        e.lambdaScaledByCount(), e.alpha(), e.confidence(), e.epsilon(), e.nu(),
        e.unobservedWeight(), Solver.CHOLESKY, 1, 0.01f);
    FactorModel f = model.factors();
    Dataset<Row> users = table(spark, model.users(), f.userFactors(), f, true);
    Dataset<Row> items = table(spark, model.items(), f.itemFactors(), f, false);
    return new KernelAlsModel(Identifiable.randomUID("kernelAlsModel"),
        settings, ms.iterations(), ms.seed(), f.globalMean(), users, items);
  }

  private static Dataset<Row> table(SparkSession spark, IdMap ids, float[] factors, FactorModel f,
      boolean users) {
    int k = f.k();
    boolean biased = f.hasBiases();
    List<Row> rows = new ArrayList<>(ids.size());
    float[] row = new float[k + 1];
    for (int r = 0; r < ids.size(); r++) {
      System.arraycopy(factors, r * k, row, 0, k);
      if (biased) {
        row[k] = users ? f.userBias(r) : f.itemBias(r);
      }
      rows.add(factorRow(ids.longId(r), row, 0, k, biased));
    }
    return spark.createDataFrame(rows, factorSchema(biased));
  }

  @Override
  public KernelAlsModel copy(ParamMap extra) {
    KernelAlsModel copy = new KernelAlsModel(uid, settings, iterations, seed, mean, userFactors,
        itemFactors);
    copyValues(copy, extra);
    return copy.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new KernelAlsModelStore.Writer(this);
  }

  /** The reader of saved models ({@code KernelAlsModel.read().load(path)}). */
  public static MLReader<KernelAlsModel> read() {
    return new KernelAlsModelStore.Reader();
  }

  /** A model saved by {@code model.write().save(path)}. */
  public static KernelAlsModel load(String path) {
    return read().load(path);
  }

  public Param<String> userCol() { return userCol; }
  public Param<String> itemCol() { return itemCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<String> coldStartStrategy() { return coldStartStrategy; }

  public String getUserCol() { return getOrDefault(userCol); }
  public String getItemCol() { return getOrDefault(itemCol); }
  public String getPredictionCol() { return getOrDefault(predictionCol); }
  public String getColdStartStrategy() { return getOrDefault(coldStartStrategy); }

  public KernelAlsModel setUserCol(String v) { return with(userCol, v); }
  public KernelAlsModel setItemCol(String v) { return with(itemCol, v); }
  public KernelAlsModel setPredictionCol(String v) { return with(predictionCol, v); }
  public KernelAlsModel setColdStartStrategy(String v) { return with(coldStartStrategy, v); }

  private KernelAlsModel with(Param<String> param, String value) {
    set(param, value);
    return this;
  }
}
