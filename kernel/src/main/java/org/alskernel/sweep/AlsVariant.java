package org.alskernel.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which member of the ALS family to train. All four are the same per-row builder and solver with a
 * different choice of terms (docs/math.md, "The family"):
 *
 * <ul>
 *   <li>{@link #IMPLICIT}: Hu, Koren &amp; Volinsky (2008). Every (user, item) pair counts; a stored
 *       strength r gives confidence c(r) ≥ 1 and preference 1 (0 if r ≤ 0); {@code alpha} and the
 *       confidence function apply.
 *   <li>{@link #IMPLICIT_BIASED}: the same with a user and an item bias,
 *       s_ui = β_u + γ_i + x_uᵀy_i.
 *   <li>{@link #EXPLICIT}: ratings; only the stored entries count, r̂_ui = x_uᵀy_i. Optionally
 *       weighted ({@link ExplicitWeighting}) and with λ scaled by the row's count (ALS-WR).
 *   <li>{@link #EXPLICIT_BIASED}: r̂_ui = μ + β_u + γ_i + x_uᵀy_i, μ the mean training rating.
 * </ul>
 */
public enum AlsVariant {
  IMPLICIT(false, false),
  IMPLICIT_BIASED(false, true),
  EXPLICIT(true, false),
  EXPLICIT_BIASED(true, true);

  private final boolean explicit;
  private final boolean biased;

  AlsVariant(boolean explicit, boolean biased) {
    this.explicit = explicit;
    this.biased = biased;
  }

  /** Whether only the stored entries enter the objective (ratings) rather than every pair. */
  public boolean isExplicit() {
    return explicit;
  }

  /** Whether the model has a user and an item bias. */
  public boolean isBiased() {
    return biased;
  }

  /** The name on a command line or in a parameter: {@code implicit}, {@code implicit-biased}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The variant named {@code label} (or its constant's name), ignoring case. */
  public static AlsVariant byLabel(String label) {
    for (AlsVariant v : values()) {
      if (v.label().equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown variant '" + label + "' (one of "
        + String.join(", ", labels()) + ")");
  }

  /** Every variant's label, in order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(AlsVariant::label).toList();
  }
}
