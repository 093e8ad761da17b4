package org.alskernel.model;

import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsVariant;
import org.alskernel.train.Confidence;
import org.alskernel.train.ExplicitWeighting;
import org.alskernel.train.RatingScale;

/**
 * The training settings a model keeps: which member of the family it is and everything scoring and
 * fold-in need to solve a new user's row exactly as the trainer solved the others (k, λ and its
 * scaling, α, the confidence function and its ε, the rating weighting and scale), and, for the
 * record, the iteration count and seed.
 *
 * @param variant which model of the family was trained
 * @param factors k
 * @param lambda λ, the L2 regularisation
 * @param lambdaScaledByCount whether each row's λ was λ·|N(u)| (ALS-WR)
 * @param alpha α, the confidence scale (implicit variants)
 * @param confidence how a strength became a confidence (implicit variants)
 * @param epsilon ε of the log confidence (kept for linear too, where it is unused)
 * @param weighting the rating weights of an explicit variant (uniform for implicit ones)
 * @param ratingScale the declared rating range of an explicit variant, or null
 * @param iterations how many full sweeps were run
 * @param seed the seed of the initial factors
 */
public record ModelSettings(
    AlsVariant variant, int factors, float lambda, boolean lambdaScaledByCount, float alpha,
    Confidence confidence, float epsilon, Weighting weighting, RatingScale ratingScale,
    int iterations, long seed) {

  public ModelSettings {
    if (variant == null) {
      throw new IllegalArgumentException("variant must not be null");
    }
    if (confidence == null) {
      throw new IllegalArgumentException("confidence function must not be null");
    }
    if (weighting == null) {
      throw new IllegalArgumentException("weighting must not be null (Weighting.UNIFORM for none)");
    }
    if (!variant.isExplicit() && weighting.kind() != WeightingKind.UNIFORM) {
      throw new IllegalArgumentException("weighting " + weighting + " applies to the explicit"
          + " variants only, not to " + variant);
    }
    if (!variant.isExplicit() && ratingScale != null) {
      throw new IllegalArgumentException("a rating scale applies to the explicit variants only, not"
          + " to " + variant);
    }
    // The remaining rules are the trainer's own: asking its builder keeps one copy of them.
    AlsConfig.Builder check = AlsConfig.builder().variant(variant).factors(factors).lambda(lambda)
        .lambdaScaledByCount(lambdaScaledByCount).alpha(alpha).logConfidence(epsilon)
        .iterations(iterations).threads(1);
    if (ratingScale != null) {
      check.ratingScale(ratingScale.min(), ratingScale.max());
    }
    if (weighting.toExplicitWeighting() != null) {
      check.weighting(weighting.toExplicitWeighting());
    }
    check.build();
  }

  /** The settings of a plain implicit model (the only kind of format version 1). */
  public ModelSettings(int factors, float lambda, float alpha, Confidence confidence, float epsilon,
      int iterations, long seed) {
    this(AlsVariant.IMPLICIT, factors, lambda, false, alpha, confidence, epsilon, Weighting.UNIFORM,
        null, iterations, seed);
  }

  /** The settings of a training run. */
  public static ModelSettings of(AlsConfig config) {
    return new ModelSettings(config.variant(), config.factors(), config.lambda(),
        config.lambdaScaledByCount(), config.alpha(), config.confidence(), config.epsilon(),
        Weighting.of(config.weighting()), config.ratingScale(), config.iterations(), config.seed());
  }

  /** Kinds of {@link ExplicitWeighting}, as a model records them. */
  public enum WeightingKind { UNIFORM, LINEAR_POPULARITY, EXPONENTIAL_POPULARITY, PER_ENTRY }

  /**
   * An {@link ExplicitWeighting} as a model records it: its kind and parameters (w0 and wk, or w0 and
   * e; 0 where unused). Per-entry weights are data, not settings: a model records only that they
   * were used, and fold-in then takes the new row's weights.
   */
  public record Weighting(WeightingKind kind, float w0, float parameter) {
    public static final Weighting UNIFORM = new Weighting(WeightingKind.UNIFORM, 0f, 0f);

    public Weighting {
      if (kind == null) {
        throw new IllegalArgumentException("weighting kind must not be null");
      }
      toExplicitWeighting(kind, w0, parameter); // the weighting's own checks
    }

    static Weighting of(ExplicitWeighting w) {
      return switch (w) {
        case ExplicitWeighting.Uniform u -> UNIFORM;
        case ExplicitWeighting.LinearPopularity l ->
            new Weighting(WeightingKind.LINEAR_POPULARITY, l.w0(), l.wk());
        case ExplicitWeighting.ExponentialPopularity e ->
            new Weighting(WeightingKind.EXPONENTIAL_POPULARITY, e.w0(), e.e());
        case ExplicitWeighting.PerEntry p -> new Weighting(WeightingKind.PER_ENTRY, 0f, 0f);
      };
    }

    /** Whether the weights depend on the training counts c_i of the items. */
    public boolean needsItemCounts() {
      return kind == WeightingKind.LINEAR_POPULARITY || kind == WeightingKind.EXPONENTIAL_POPULARITY;
    }

    /** The weighting itself, or null for per-entry weights (which are data). */
    public ExplicitWeighting toExplicitWeighting() {
      return toExplicitWeighting(kind, w0, parameter);
    }

    private static ExplicitWeighting toExplicitWeighting(WeightingKind kind, float w0, float p) {
      return switch (kind) {
        case UNIFORM -> ExplicitWeighting.uniform();
        case LINEAR_POPULARITY -> ExplicitWeighting.linearPopularity(w0, p);
        case EXPONENTIAL_POPULARITY -> ExplicitWeighting.exponentialPopularity(w0, p);
        case PER_ENTRY -> null;
      };
    }
  }
}
