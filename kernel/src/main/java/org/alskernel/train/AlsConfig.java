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
 * Settings of ALS training: the {@link Equation} its rows solve (which {@link AlsVariant} and its
 * parameters) and how the training runs (iterations, seed, threads, initial scale, solver, listener).
 * Immutable; made with {@link #builder()}, which refuses bad values up front with a message naming
 * the setting.
 */
public final class AlsConfig {
  /** Longest factor vector accepted ({@link Equation#MAX_FACTORS}). */
  public static final int MAX_FACTORS = Equation.MAX_FACTORS;

  /** Most worker threads a fit can have: the limit of a {@link ForkJoinPool}'s parallelism. */
  public static final int MAX_THREADS = 32767;

  /** Default conjugate-gradient steps per row and sweep, as in the {@code implicit} library. */
  public static final int DEFAULT_CG_STEPS = 3;

  private final Equation equation;
  private final ExplicitWeighting weighting;
  private final int iterations;
  private final long seed;
  private final int threads;
  private final ForkJoinPool pool;
  private final float initScale;
  private final boolean computeLoss;
  private final IterationListener listener;
  private final Solver solver;
  private final int cgSteps;

  private AlsConfig(Builder b) {
    if (b.weighting == null) {
      throw new IllegalArgumentException("weighting must not be null (use ExplicitWeighting.uniform())");
    }
    // the equation's own rules (k, λ, α, confidence, ε, variant, weighting, rating scale)
    float unobservedWeight = b.unobservedWeight != null ? b.unobservedWeight
        : b.nu == 0f || b.variant == null ? 0f
        : Equation.derivedUnobservedWeight(b.variant, b.alpha);
    this.equation = new Equation(b.variant, b.factors, b.lambda, b.lambdaScaledByCount, b.alpha,
        b.confidence, b.epsilon, Weighting.of(b.weighting), b.ratingScale, b.nu, unobservedWeight);
    if (b.iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, got " + b.iterations);
    }
    if (b.pool == null && (b.threads < 1 || b.threads > MAX_THREADS)) {
      throw new IllegalArgumentException(
          "threads must be in [1, " + MAX_THREADS + "], got " + b.threads);
    }
    if (!(b.initScale > 0f) || !Float.isFinite(b.initScale)) {
      throw new IllegalArgumentException("initScale must be a finite number > 0, got " + b.initScale);
    }
    if (b.solver == null) {
      throw new IllegalArgumentException("solver must not be null");
    }
    if (b.cgSteps < 1) {
      throw new IllegalArgumentException("cgSteps must be ≥ 1, got " + b.cgSteps);
    }
    if (b.computeLoss && b.variant == AlsVariant.IMPLICIT_BIASED) {
      throw new IllegalArgumentException("computeLoss is not available for the IMPLICIT_BIASED"
          + " variant (its objective has no Gram shortcut in the kernel yet)");
    }
    this.weighting = b.weighting;
    this.iterations = b.iterations;
    this.seed = b.seed;
    this.threads = b.threads;
    this.pool = b.pool;
    this.initScale = b.initScale;
    this.computeLoss = b.computeLoss;
    this.listener = b.listener;
    this.solver = b.solver;
    this.cgSteps = b.cgSteps;
  }

  /** The per-row equation these settings train. */
  public Equation equation() {
    return equation;
  }

  /** k, the length of every factor vector. */
  public int factors() {
    return equation.factors();
  }

  /** λ, the L2 regularisation (0 is allowed for implicit variants but fails on rank-deficient rows). */
  public float lambda() {
    return equation.lambda();
  }

  /** α, the confidence scale. */
  public float alpha() {
    return equation.alpha();
  }

  /** How strength becomes confidence. */
  public Confidence confidence() {
    return equation.confidence();
  }

  /** ε of the log confidence. */
  public float epsilon() {
    return equation.epsilon();
  }

  /** Which model of the family: implicit (default) or explicit, plain or biased. */
  public AlsVariant variant() {
    return equation.variant();
  }

  /** ALS-WR: each row's λ is λ·(its number of stored entries), as in Spark MLlib. */
  public boolean lambdaScaledByCount() {
    return equation.lambdaScaledByCount();
  }

  /** ν of the frequency-scaled regularisation λ·(|N(u)| + α₀·n)^ν (0: none). */
  public float nu() {
    return equation.nu();
  }

  /** α₀, the unobserved pairs' weight in the frequency scaling. */
  public float unobservedWeight() {
    return equation.unobservedWeight();
  }

  /** The declared range of explicit ratings (null: none); training refuses a rating outside it. */
  public RatingScale ratingScale() {
    return equation.ratingScale();
  }

  /** The rating weights of the explicit variants, with their data (uniform for implicit ones). */
  public ExplicitWeighting weighting() {
    return weighting;
  }

  /** Full user+item sweeps. */
  public int iterations() {
    return iterations;
  }

  /** Seeds the initial factors: same seed, same model. */
  public long seed() {
    return seed;
  }

  /** Worker threads when no pool is given; results do not depend on it. */
  public int threads() {
    return threads;
  }

  /** A pool to run on instead of creating one (null: the trainer makes one of {@link #threads}). */
  public ForkJoinPool pool() {
    return pool;
  }

  /** Standard deviation of the Gaussian initial factors. */
  public float initScale() {
    return initScale;
  }

  /** Whether to evaluate the full objective after every iteration for the listener. */
  public boolean computeLoss() {
    return computeLoss;
  }

  /** Called after every iteration; may stop training (null: none). */
  public IterationListener listener() {
    return listener;
  }

  /** How each row's system is solved (a {@link Solver}). */
  public Solver solver() {
    return solver;
  }

  /** Steps per row and sweep of an iterative solver. */
  public int cgSteps() {
    return cgSteps;
  }

  /** What a model trained with these settings records of them. */
  public ModelSettings modelSettings() {
    return new ModelSettings(equation(), iterations, seed);
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
    private float nu;
    private Float unobservedWeight; // null: derived from the variant and α
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

    /**
     * Frequency-scaled regularisation (Rendle et al. 2022): λ_u = λ·(|N(u)| + α₀·|I|)^ν and
     * λ_i = λ·(|N(i)| + α₀·|U|)^ν, ν in [0, 1] (default 0: λ for every row). α₀ is {@link
     * #unobservedWeight} if set, else 1/α for the implicit variants and 0 for the explicit ones.
     */
    public Builder nu(float nu) {
      this.nu = nu;
      return this;
    }

    /** α₀ of the frequency scaling, the weight of an unobserved pair relative to an observed one. */
    public Builder unobservedWeight(float unobservedWeight) {
      this.unobservedWeight = unobservedWeight;
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
      return new AlsConfig(this);
    }
  }
}
