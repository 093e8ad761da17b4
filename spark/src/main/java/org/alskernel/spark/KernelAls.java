package org.alskernel.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Function1;

/**
 * ALS on Spark with the kernel solving every block: a drop-in for {@code
 * org.apache.spark.ml.recommendation.ALS}. Params that mean the same as Spark's carry its names and
 * defaults (userCol, itemCol, ratingCol, predictionCol, rank, maxIter, regParam, alpha,
 * implicitPrefs, numUserBlocks, numItemBlocks, seed, checkpointInterval, coldStartStrategy,
 * intermediateStorageLevel, finalStorageLevel, nonnegative); regParam is scaled by each row's
 * rating count, as in Spark, unless lambdaScaling is {@code none}. The kernel's own: solver, cgSteps,
 * confidence and epsilon, variant, lambdaScaling, nu and initScale.
 *
 * <pre>{@code
 * KernelAlsModel model = new KernelAls().setImplicitPrefs(true).setRank(64).fit(ratings);
 * Dataset<Row> top10 = model.recommendForAllUsers(10);
 * }</pre>
 */
public final class KernelAls extends Estimator<KernelAlsModel> {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> userCol;
  private final Param<String> itemCol;
  private final Param<String> ratingCol;
  private final Param<String> predictionCol;
  private final IntParam rank;
  private final IntParam maxIter;
  private final DoubleParam regParam;
  private final DoubleParam alpha;
  private final BooleanParam implicitPrefs;
  private final IntParam numUserBlocks;
  private final IntParam numItemBlocks;
  private final LongParam seed;
  private final IntParam checkpointInterval;
  private final Param<String> coldStartStrategy;
  private final Param<String> intermediateStorageLevel;
  private final Param<String> finalStorageLevel;
  private final BooleanParam nonnegative;
  private final Param<String> solver;
  private final IntParam cgSteps;
  private final Param<String> confidence;
  private final DoubleParam epsilon;
  private final Param<String> variant;
  private final Param<String> lambdaScaling;
  private final DoubleParam nu;
  private final DoubleParam initScale;

  public KernelAls() {
    this(Identifiable.randomUID("kernelAls"));
  }

  public KernelAls(String uid) {
    this.uid = uid;
    userCol = ColumnParams.userCol(this);
    itemCol = ColumnParams.itemCol(this);
    ratingCol = new Param<>(this, "ratingCol", "column of ratings or interaction strengths, any"
        + " numeric type (default: rating)");
    predictionCol = ColumnParams.predictionCol(this);
    rank = new IntParam(this, "rank", "k, the length of every factor vector (default: 10)",
        ParamValidators.inRange(1, Equation.MAX_FACTORS));
    maxIter = new IntParam(this, "maxIter", "number of iterations, each a user and an item"
        + " half-sweep (≥ 0; default: 10)", ParamValidators.gtEq(0));
    regParam = new DoubleParam(this, "regParam", "λ, the L2 regularisation; scaled by each row's"
        + " rating count unless lambdaScaling is none (≥ 0; default: 0.1)", ParamValidators.gtEq(0));
    alpha = new DoubleParam(this, "alpha", "α of the implicit confidence c = 1 + α·r (≥ 0;"
        + " default: 1.0)", ParamValidators.gtEq(0));
    implicitPrefs = new BooleanParam(this, "implicitPrefs", "whether ratings are implicit feedback"
        + " strengths rather than explicit ratings (default: false)");
    numUserBlocks = new IntParam(this, "numUserBlocks", "number of user blocks (≥ 1; default: 10)",
        ParamValidators.gtEq(1));
    numItemBlocks = new IntParam(this, "numItemBlocks", "number of item blocks (≥ 1; default: 10)",
        ParamValidators.gtEq(1));
    seed = new LongParam(this, "seed", "seed of the initial factors, which depend on it and the id"
        + " alone");
    checkpointInterval = new IntParam(this, "checkpointInterval", "checkpoint the factors every this"
        + " many iterations when the SparkContext has a checkpoint directory (-1 for never;"
        + " default: 10)", validate((Object v) -> (Integer) v == -1 || (Integer) v >= 1));
    coldStartStrategy = ColumnParams.coldStartStrategy(this);
    intermediateStorageLevel = new Param<>(this, "intermediateStorageLevel", "storage level of the"
        + " cached blocks and factors during the fit; not NONE (default: MEMORY_AND_DISK)",
        validate((String v) -> !v.equals("NONE") && storageLevel(v) != null));
    finalStorageLevel = new Param<>(this, "finalStorageLevel", "storage level of the fitted"
        + " factors (default: MEMORY_AND_DISK)", validate((String v) -> storageLevel(v) != null));
    nonnegative = new BooleanParam(this, "nonnegative", "non-negative factors: not supported (the"
        + " kernel solves unconstrained least squares); must stay false");
    solver = new Param<>(this, "solver", "how each row's system is solved: cholesky (exact) or cg"
        + " (conjugate gradient, warm-started; default: cholesky)",
        ParamValidators.inArray(Solver.labels()));
    cgSteps = new IntParam(this, "cgSteps", "conjugate-gradient steps per row and half-sweep (≥ 1;"
        + " default: " + AlsConfig.DEFAULT_CG_STEPS + ")", ParamValidators.gtEq(1));
    confidence = new Param<>(this, "confidence", "how a strength r becomes a confidence: linear"
        + " (1 + α·r) or log (1 + α·log(1 + r/ε)); default: linear",
        ParamValidators.inArray(List.of("linear", "log")));
    epsilon = new DoubleParam(this, "epsilon", "ε of the log confidence (> 0; default: 1.0)",
        ParamValidators.gt(0));
    variant = new Param<>(this, "variant", "which model of the family: implicit, implicit-biased,"
        + " explicit or explicit-biased (default: implicit when implicitPrefs, else explicit)",
        ParamValidators.inArray(AlsVariant.labels()));
    lambdaScaling = new Param<>(this, "lambdaScaling", "how regParam scales with a row's count:"
        + " count (λ·n_u, as Spark's ALS) or none (λ); default: count",
        ParamValidators.inArray(List.of("count", "none")));
    nu = new DoubleParam(this, "nu", "ν of the frequency-scaled regularisation λ·(n_u + n/α)^ν, with"
        + " lambdaScaling none (in [0, 1]; default: 0)", ParamValidators.inRange(0, 1));
    initScale = new DoubleParam(this, "initScale", "standard deviation of the initial factors (> 0;"
        + " default: 0.01)", ParamValidators.gt(0));
    setDefault(userCol, "user");
    setDefault(itemCol, "item");
    setDefault(ratingCol, "rating");
    setDefault(predictionCol, "prediction");
    setDefault(rank, 10);
    setDefault(maxIter, 10);
    setDefault(regParam, 0.1);
    setDefault(alpha, 1.0);
    setDefault(implicitPrefs, false);
    setDefault(numUserBlocks, 10);
    setDefault(numItemBlocks, 10);
    setDefault(seed, (long) KernelAls.class.getName().hashCode());
    setDefault(checkpointInterval, 10);
    setDefault(coldStartStrategy, ColumnParams.NAN);
    setDefault(intermediateStorageLevel, "MEMORY_AND_DISK");
    setDefault(finalStorageLevel, "MEMORY_AND_DISK");
    setDefault(nonnegative, false);
    setDefault(solver, Solver.CHOLESKY.label());
    setDefault(cgSteps, AlsConfig.DEFAULT_CG_STEPS);
    setDefault(confidence, "linear");
    setDefault(epsilon, 1.0);
    setDefault(lambdaScaling, "count");
    setDefault(nu, 0.0);
    setDefault(initScale, 0.01);
  }

  private interface Check<T> extends Serializable {
    boolean test(T value);
  }

  private static <T> Function1<T, Object> validate(Check<T> check) {
    return (Function1<T, Object> & Serializable) check::test;
  }

  private static StorageLevel storageLevel(String name) {
    try {
      return StorageLevel.fromString(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Trains on {@code dataset}'s userCol, itemCol and ratingCol.
   *
   * @throws IllegalArgumentException before any training, naming the param or the column and an
   *     offending row: a missing or non-numeric column, a null id or rating, a NaN or infinite rating,
   *     an id that is not a whole number within the range of long, nonnegative = true, or settings the
   *     kernel's equation refuses
   */
  @Override
  public KernelAlsModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    SolveSettings settings = solveSettings();
    JavaRDD<Rating> ratings = RatingColumns.read(dataset, getUserCol(), getItemCol(),
        getRatingCol());
    BlockedAls.Plan plan = new BlockedAls.Plan(getNumUserBlocks(), getNumItemBlocks(),
        getMaxIter(), getSeed(), getCheckpointInterval(),
        StorageLevel.fromString(getIntermediateStorageLevel()),
        StorageLevel.fromString(getFinalStorageLevel()), settings);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    BlockedAls.Fitted fitted = BlockedAls.fit(sc, ratings, plan);
    KernelAlsModel model = KernelAlsModel.of(uid, dataset.sparkSession(), fitted, settings,
        getMaxIter(), getSeed(), plan.finalLevel(), plan.intermediate());
    copyValues(model, new ParamMap());
    model.setParent(this);
    return model;
  }

  /** The kernel's settings these params make, checked by the kernel's equation. */
  SolveSettings solveSettings() {
    if (getNonnegative()) {
      throw new IllegalArgumentException("nonnegative = true is not supported: the kernel solves"
          + " each row's unconstrained least-squares problem; set nonnegative to false");
    }
    AlsVariant v = effectiveVariant();
    boolean byCount = getLambdaScaling().equals("count");
    float nuValue = (float) getNu();
    if (nuValue != 0f && byCount) {
      throw new IllegalArgumentException("nu = " + nuValue + " applies with lambdaScaling = none,"
          + " not with count (both scale regParam by the row's count)");
    }
    float alphaValue = (float) getAlpha();
    SolveSettings settings = new SolveSettings(v, getRank(), (float) getRegParam(), byCount,
        v.isExplicit() ? 0f : alphaValue, Confidence.valueOf(getConfidence().toUpperCase(Locale.ROOT)),
        (float) getEpsilon(), nuValue,
        nuValue == 0f ? 0f : Equation.derivedUnobservedWeight(v, alphaValue),
        Solver.byLabel(getSolver()), getCgSteps(), (float) getInitScale());
    try {
      settings.equation();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("these params do not make a valid model (the kernel's"
          + " lambda is regParam and its factors k is rank): " + e.getMessage(), e);
    }
    return settings;
  }

  private AlsVariant effectiveVariant() {
    boolean implicit = getImplicitPrefs();
    if (!isSet(variant)) {
      return implicit ? AlsVariant.IMPLICIT : AlsVariant.EXPLICIT;
    }
    AlsVariant v = AlsVariant.byLabel(getOrDefault(variant));
    if (isSet(implicitPrefs) && v.isExplicit() == implicit) {
      throw new IllegalArgumentException("variant " + v.label() + " contradicts implicitPrefs = "
          + implicit + "; set one of them");
    }
    return v;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    RatingColumns.requireIdColumn(schema, "user", getUserCol());
    RatingColumns.requireIdColumn(schema, "item", getItemCol());
    RatingColumns.requireRatingColumn(schema, getRatingCol());
    return KernelAlsModel.withPrediction(schema, getPredictionCol());
  }

  @Override
  public KernelAls copy(ParamMap extra) {
    return (KernelAls) defaultCopy(extra);
  }

  // Params: Spark finds them through these public methods.
  public Param<String> userCol() { return userCol; }
  public Param<String> itemCol() { return itemCol; }
  public Param<String> ratingCol() { return ratingCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public IntParam rank() { return rank; }
  public IntParam maxIter() { return maxIter; }
  public DoubleParam regParam() { return regParam; }
  public DoubleParam alpha() { return alpha; }
  public BooleanParam implicitPrefs() { return implicitPrefs; }
  public IntParam numUserBlocks() { return numUserBlocks; }
  public IntParam numItemBlocks() { return numItemBlocks; }
  public LongParam seed() { return seed; }
  public IntParam checkpointInterval() { return checkpointInterval; }
  public Param<String> coldStartStrategy() { return coldStartStrategy; }
  public Param<String> intermediateStorageLevel() { return intermediateStorageLevel; }
  public Param<String> finalStorageLevel() { return finalStorageLevel; }
  public BooleanParam nonnegative() { return nonnegative; }
  public Param<String> solver() { return solver; }
  public IntParam cgSteps() { return cgSteps; }
  public Param<String> confidence() { return confidence; }
  public DoubleParam epsilon() { return epsilon; }
  public Param<String> variant() { return variant; }
  public Param<String> lambdaScaling() { return lambdaScaling; }
  public DoubleParam nu() { return nu; }
  public DoubleParam initScale() { return initScale; }

  public String getUserCol() { return getOrDefault(userCol); }
  public String getItemCol() { return getOrDefault(itemCol); }
  public String getRatingCol() { return getOrDefault(ratingCol); }
  public String getPredictionCol() { return getOrDefault(predictionCol); }
  public int getRank() { return (Integer) getOrDefault(rank); }
  public int getMaxIter() { return (Integer) getOrDefault(maxIter); }
  public double getRegParam() { return (Double) getOrDefault(regParam); }
  public double getAlpha() { return (Double) getOrDefault(alpha); }
  public boolean getImplicitPrefs() { return (Boolean) getOrDefault(implicitPrefs); }
  public int getNumUserBlocks() { return (Integer) getOrDefault(numUserBlocks); }
  public int getNumItemBlocks() { return (Integer) getOrDefault(numItemBlocks); }
  public long getSeed() { return (Long) getOrDefault(seed); }
  public int getCheckpointInterval() { return (Integer) getOrDefault(checkpointInterval); }
  public String getColdStartStrategy() { return getOrDefault(coldStartStrategy); }
  public String getIntermediateStorageLevel() { return getOrDefault(intermediateStorageLevel); }
  public String getFinalStorageLevel() { return getOrDefault(finalStorageLevel); }
  public boolean getNonnegative() { return (Boolean) getOrDefault(nonnegative); }
  public String getSolver() { return getOrDefault(solver); }
  public int getCgSteps() { return (Integer) getOrDefault(cgSteps); }
  public String getConfidence() { return getOrDefault(confidence); }
  public double getEpsilon() { return (Double) getOrDefault(epsilon); }
  public String getLambdaScaling() { return getOrDefault(lambdaScaling); }
  public double getNu() { return (Double) getOrDefault(nu); }
  public double getInitScale() { return (Double) getOrDefault(initScale); }

  public KernelAls setUserCol(String v) { return with(userCol, v); }
  public KernelAls setItemCol(String v) { return with(itemCol, v); }
  public KernelAls setRatingCol(String v) { return with(ratingCol, v); }
  public KernelAls setPredictionCol(String v) { return with(predictionCol, v); }
  public KernelAls setRank(int v) { return with(rank, v); }
  public KernelAls setMaxIter(int v) { return with(maxIter, v); }
  public KernelAls setRegParam(double v) { return with(regParam, v); }
  public KernelAls setAlpha(double v) { return with(alpha, v); }
  public KernelAls setImplicitPrefs(boolean v) { return with(implicitPrefs, v); }
  public KernelAls setNumUserBlocks(int v) { return with(numUserBlocks, v); }
  public KernelAls setNumItemBlocks(int v) { return with(numItemBlocks, v); }
  /** Both block counts. */
  public KernelAls setNumBlocks(int v) { return setNumUserBlocks(v).setNumItemBlocks(v); }
  public KernelAls setSeed(long v) { return with(seed, v); }
  public KernelAls setCheckpointInterval(int v) { return with(checkpointInterval, v); }
  public KernelAls setColdStartStrategy(String v) { return with(coldStartStrategy, v); }
  public KernelAls setIntermediateStorageLevel(String v) {
    return with(intermediateStorageLevel, v);
  }
  public KernelAls setFinalStorageLevel(String v) { return with(finalStorageLevel, v); }
  public KernelAls setNonnegative(boolean v) { return with(nonnegative, v); }
  public KernelAls setSolver(String v) { return with(solver, v); }
  public KernelAls setCgSteps(int v) { return with(cgSteps, v); }
  public KernelAls setConfidence(String v) { return with(confidence, v); }
  public KernelAls setEpsilon(double v) { return with(epsilon, v); }
  public KernelAls setVariant(String v) { return with(variant, v); }
  public KernelAls setLambdaScaling(String v) { return with(lambdaScaling, v); }
  public KernelAls setNu(double v) { return with(nu, v); }
  public KernelAls setInitScale(double v) { return with(initScale, v); }

  private <T> KernelAls with(Param<T> param, T value) {
    set(param, value);
    return this;
  }
}
