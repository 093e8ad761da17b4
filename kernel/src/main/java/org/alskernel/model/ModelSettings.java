package org.alskernel.model;

import org.alskernel.train.AlsConfig;
import org.alskernel.train.Confidence;

/**
 * The training settings a model keeps: what fold-in needs to solve a new user's row exactly as the
 * trainer solved the others (k, λ, α, the confidence function and its ε), and, for the record, the
 * iteration count and seed.
 *
 * @param factors k
 * @param lambda λ, the L2 regularisation
 * @param alpha α, the confidence scale
 * @param confidence how a strength became a confidence
 * @param epsilon ε of the log confidence (kept for linear too, where it is unused)
 * @param iterations how many full sweeps were run
 * @param seed the seed of the initial factors
 */
public record ModelSettings(
    int factors, float lambda, float alpha, Confidence confidence, float epsilon, int iterations,
    long seed) {

  public ModelSettings {
    if (factors < 1 || factors > AlsConfig.MAX_FACTORS) {
      throw new IllegalArgumentException(
          "factors k must be in [1, " + AlsConfig.MAX_FACTORS + "], got " + factors);
    }
    if (!(lambda >= 0f) || !Float.isFinite(lambda)) {
      throw new IllegalArgumentException("lambda must be a finite number ≥ 0, got " + lambda);
    }
    if (!(alpha >= 0f) || !Float.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number ≥ 0, got " + alpha);
    }
    if (confidence == null) {
      throw new IllegalArgumentException("confidence function must not be null");
    }
    if (!(epsilon > 0f) || !Float.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
    }
  }

  /** The settings of a training run. */
  public static ModelSettings of(AlsConfig config) {
    return new ModelSettings(config.factors(), config.lambda(), config.alpha(), config.confidence(),
        config.epsilon(), config.iterations(), config.seed());
  }
}
