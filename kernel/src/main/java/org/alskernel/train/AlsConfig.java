package org.alskernel.train;

import java.util.concurrent.ForkJoinPool;
import org.alskernel.model.ModelSettings;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.sweep.RatingScale;
import org.alskernel.sweep.Solver;
import org.alskernel.sweep.Weighting;

/**
 * Settings of ALS training: which {@link AlsVariant} and its parameters. Immutable; made with
 * {@link #builder()}, which refuses bad values up front with a message naming the setting.
 *
 * @param factors k, the length of every factor vector (≥ 1)
 * @param lambda λ, the L2 regularisation (≥ 0; 0 is allowed but fails on rank-deficient rows)
 * @param alpha α, the confidence scale (≥ 0)
 * @param confidence how strength becomes confidence
 * @param epsilon ε of the log confidence (&gt; 0)
 * @param iterations full user+item sweeps (≥ 0)
 * @param seed seeds the initial factors: same seed, same model
 * @param threads worker threads when no pool is given (≥ 1); results do not depend on it
 * @param pool a pool to run on instead of creating one (null: the trainer makes one of {@code threads})
 * @param initScale standard deviation of the Gaussian initial factors (&gt; 0)
 * @param computeLoss whether to evaluate the full objective after every iteration for the listener
 * @param listener called after every iteration; may stop training (null: none)
 * @param variant which model of the family: implicit (default) or explicit, plain or biased
 * @param lambdaScaledByCount ALS-WR: each row's λ is λ·(its number of stored entries), as in Spark
 *     MLlib; else λ for every row
 * @param weighting the rating weights of the explicit variants (uniform for implicit ones)
 * @param ratingScale the declared range of explicit ratings (null: none); training refuses a rating
 *     outside it
 * @param solver how each row's system is solved: exactly (Cholesky, the default) or by a few warm-started
 *     conjugate-gradient steps
 * @param cgSteps conjugate-gradient steps per row and sweep (≥ 1; used by {@link
 *     Solver#CONJUGATE_GRADIENT} only)
 */
public record AlsConfig(
    int factors,
    float lambda,
    float alpha,
    Confidence confidence,
    float epsilon,
    int iterations,
    long seed,
    int threads,
    ForkJoinPool pool,
    float initScale,
    boolean computeLoss,
    IterationListener listener,
    AlsVariant variant,
    boolean lambdaScaledByCount,
    ExplicitWeighting weighting,
    RatingScale ratingScale,
    Solver solver,
    int cgSteps) {

  /** Longest factor vector accepted ({@link Equation#MAX_FACTORS}). */
  public static final int MAX_FACTORS = Equation.MAX_FACTORS;

  /** Most worker threads a fit can have: the limit of a {@link ForkJoinPool}'s parallelism. */
  public static final int MAX_THREADS = 32767;

  /** Default conjugate-gradient steps per row and sweep, as in the {@code implicit} library. */
  public static final int DEFAULT_CG_STEPS = 3;

  public AlsConfig {
    if (weighting == null) {
      throw new IllegalArgumentException("weighting must not be null (use ExplicitWeighting.uniform())");
    }
    // the equation's own rules (k, λ, α, confidence, ε, variant, weighting, rating scale)
    new Equation(variant, factors, lambda, lambdaScaledByCount, alpha, confidence, epsilon,
        Weighting.of(weighting), ratingScale);
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
    }
    if (pool == null && (threads < 1 || threads > MAX_THREADS)) {
      throw new IllegalArgumentException(
          "threads must be in [1, " + MAX_THREADS + "], got " + threads);
    }
    if (!(initScale > 0f) || !Float.isFinite(initScale)) {
      throw new IllegalArgumentException("initScale must be a finite number > 0, got " + initScale);
    }
    if (solver == null) {
      throw new IllegalArgumentException("solver must not be null");
    }
    if (cgSteps < 1) {
      throw new IllegalArgumentException("cgSteps must be ≥ 1, got " + cgSteps);
    }
    if (computeLoss && variant == AlsVariant.IMPLICIT_BIASED) {
      throw new IllegalArgumentException("computeLoss is not available for the IMPLICIT_BIASED"
          + " variant (its objective has no Gram shortcut in the kernel yet)");
    }
  }

  /** What a model trained with these settings records of them. */
  public ModelSettings modelSettings() {
    return new ModelSettings(equation(), iterations, seed);
  }

  /** The per-row equation these settings train. */
  public Equation equation() {
    return new Equation(variant, factors, lambda, lambdaScaledByCount, alpha, confidence, epsilon,
        Weighting.of(weighting), ratingScale);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with defaults: the implicit variant, k = 64, λ = 0.1, α = 40, linear confidence, 15
   * iterations.
   */
  public static final class Builder {
    private Builder() {}

    private int factors = 64;
    private float lambda = 0.1f;
    private float alpha = 40f;
    private Confidence confidence = Confidence.LINEAR;
    private float epsilon = 1f;
    private int iterations = 15;
    private long seed = 42L;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ForkJoinPool pool;
    private float initScale = 0.01f;
    private boolean computeLoss;
    private IterationListener listener;
    private AlsVariant variant = AlsVariant.IMPLICIT;
    private boolean lambdaScaledByCount;
    private ExplicitWeighting weighting = ExplicitWeighting.uniform();
    private RatingScale ratingScale;
    private Solver solver = Solver.CHOLESKY;
    private int cgSteps = DEFAULT_CG_STEPS;

    public Builder factors(int k) {
      this.factors = k;
      return this;
    }

    public Builder lambda(float lambda) {
      this.lambda = lambda;
      return this;
    }

    public Builder alpha(float alpha) {
      this.alpha = alpha;
      return this;
    }

    /** c = 1 + α·r. */
    public Builder linearConfidence() {
      this.confidence = Confidence.LINEAR;
      return this;
    }

    /** c = 1 + α·log(1 + r/ε). */
    public Builder logConfidence(float epsilon) {
      this.confidence = Confidence.LOG;
      this.epsilon = epsilon;
      return this;
    }

    public Builder iterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder pool(ForkJoinPool pool) {
      this.pool = pool;
      return this;
    }

    public Builder initScale(float initScale) {
      this.initScale = initScale;
      return this;
    }

    public Builder computeLoss(boolean computeLoss) {
      this.computeLoss = computeLoss;
      return this;
    }

    public Builder listener(IterationListener listener) {
      this.listener = listener;
      return this;
    }

    /** Which model of the family to train (default {@link AlsVariant#IMPLICIT}). */
    public Builder variant(AlsVariant variant) {
      this.variant = variant;
      return this;
    }

    /** ALS-WR: λ_u = λ·|N(u)| and λ_i = λ·|N(i)| (default false: λ for every row). */
    public Builder lambdaScaledByCount(boolean scaled) {
      this.lambdaScaledByCount = scaled;
      return this;
    }

    /** Rating weights of an explicit variant (default uniform). */
    public Builder weighting(ExplicitWeighting weighting) {
      this.weighting = weighting;
      return this;
    }

    /** Declares the rating range, e.g. {@code ratingScale(1, 5)}; ratings outside are refused. */
    public Builder ratingScale(float min, float max) {
      this.ratingScale = new RatingScale(min, max);
      return this;
    }

    /** How rows are solved (default {@link Solver#CHOLESKY}). */
    public Builder solver(Solver solver) {
      this.solver = solver;
      return this;
    }

    /** Iterations per row and sweep of an iterative solver (default {@value AlsConfig#DEFAULT_CG_STEPS}). */
    public Builder cgSteps(int steps) {
      this.cgSteps = steps;
      return this;
    }

    /** Solve rows by {@code steps} warm-started conjugate-gradient steps per sweep. */
    public Builder conjugateGradient(int steps) {
      this.solver = Solver.CONJUGATE_GRADIENT;
      this.cgSteps = steps;
      return this;
    }

    public AlsConfig build() {
      return new AlsConfig(factors, lambda, alpha, confidence, epsilon, iterations, seed, threads,
          pool, initScale, computeLoss, listener, variant, lambdaScaledByCount, weighting,
          ratingScale, solver, cgSteps);
    }
  }
}
