package org.alskernel.sweep;

/**
 * An {@link ExplicitWeighting} as an equation records it: its kind and parameters (w0 and wk, or w0
 * and e; 0 where unused). Per-entry weights are data, not settings: the record says only that they
 * are used, and a solve of such rows takes the rows' weights with them.
 *
 * @param kind which weighting
 * @param w0 w0 of a popularity weighting, else 0
 * @param parameter wk of the linear or e of the exponential popularity weighting, else 0
 */
public record Weighting(Kind kind, float w0, float parameter) {
  /** Every rating weighs 1. */
  public static final Weighting UNIFORM = new Weighting(Kind.UNIFORM, 0f, 0f);

  /** Kinds of {@link ExplicitWeighting}. */
  public enum Kind { UNIFORM, LINEAR_POPULARITY, EXPONENTIAL_POPULARITY, PER_ENTRY }

  public Weighting {
    if (kind == null) {
      throw new IllegalArgumentException("weighting kind must not be null");
    }
    toExplicitWeighting(kind, w0, parameter); // the weighting's own checks
  }

  /** The record of {@code w}. */
  public static Weighting of(ExplicitWeighting w) {
    return switch (w) {
      case ExplicitWeighting.Uniform u -> UNIFORM;
      case ExplicitWeighting.LinearPopularity l -> new Weighting(Kind.LINEAR_POPULARITY, l.w0(), l.wk());
      case ExplicitWeighting.ExponentialPopularity e ->
          new Weighting(Kind.EXPONENTIAL_POPULARITY, e.w0(), e.e());
      case ExplicitWeighting.PerEntry p -> new Weighting(Kind.PER_ENTRY, 0f, 0f);
    };
  }

  /** Whether the weights depend on the training counts c_i of the items. */
  public boolean needsItemCounts() {
    return kind == Kind.LINEAR_POPULARITY || kind == Kind.EXPONENTIAL_POPULARITY;
  }

  /** The weighting itself, or null for per-entry weights (which are data). */
  public ExplicitWeighting toExplicitWeighting() {
    return toExplicitWeighting(kind, w0, parameter);
  }

  private static ExplicitWeighting toExplicitWeighting(Kind kind, float w0, float p) {
    return switch (kind) {
      case UNIFORM -> ExplicitWeighting.uniform();
      case LINEAR_POPULARITY -> ExplicitWeighting.linearPopularity(w0, p);
      case EXPONENTIAL_POPULARITY -> ExplicitWeighting.exponentialPopularity(w0, p);
      case PER_ENTRY -> null;
    };
  }
}
