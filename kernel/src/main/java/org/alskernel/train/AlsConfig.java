package org.alskernel.train;

import java.util.concurrent.ForkJoinPool;

/**
 * Settings of implicit ALS training. Immutable; made with {@link #builder()}, which refuses bad values
 * up front with a message naming the setting.
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
    IterationListener listener) {

  /** Longest factor vector accepted: a k×k system per worker must stay small. */
  public static final int MAX_FACTORS = 4096;

  public AlsConfig {
    if (factors < 1 || factors > MAX_FACTORS) {
      throw new IllegalArgumentException("factors k must be in [1, " + MAX_FACTORS + "], got " + factors);
    }
    requireNonNegative("lambda", lambda);
    requireNonNegative("alpha", alpha);
    if (confidence == null) {
      throw new IllegalArgumentException("confidence function must not be null");
    }
    if (!(epsilon > 0f) || !Float.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
    }
    if (pool == null && threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    if (!(initScale > 0f) || !Float.isFinite(initScale)) {
      throw new IllegalArgumentException("initScale must be a finite number > 0, got " + initScale);
    }
  }

  private static void requireNonNegative(String name, float value) {
    if (!(value >= 0f) || !Float.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with defaults: k = 64, λ = 0.1, α = 40, linear confidence, 15 iterations. */
  public static final class Builder {
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

    public AlsConfig build() {
      return new AlsConfig(factors, lambda, alpha, confidence, epsilon, iterations, seed, threads,
          pool, initScale, computeLoss, listener);
    }
  }
}
