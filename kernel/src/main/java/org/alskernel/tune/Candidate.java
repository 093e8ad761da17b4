package org.alskernel.tune;

import java.util.Locale;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;

/**
 * One point of a {@link SearchSpace}: the settings a trial trains with, but for the iterations, which
 * successive halving gives each round.
 *
 * @param variant {@link AlsVariant#IMPLICIT} or {@link AlsVariant#IMPLICIT_BIASED}
 * @param factors k
 * @param lambda λ
 * @param alpha α
 * @param nu ν of the frequency-scaled regularisation (α₀ = 1/α)
 * @param strengths how strengths become confidence
 * @param solver how rows are solved
 */
public record Candidate(AlsVariant variant, int factors, float lambda, float alpha, float nu,
    Strengths strengths, Solver solver) {

  /** A builder of these settings with {@code iterations} and {@code seed}. */
  public AlsConfig.Builder builder(int iterations, long seed) {
    AlsConfig.Builder b = AlsConfig.builder().variant(variant).factors(factors).lambda(lambda)
        .alpha(alpha).nu(nu).solver(solver).iterations(iterations).seed(seed);
    return strengths.apply(b);
  }

  /** Whether this is plain iALS: ν = 0 and the counts not reweighed (linear or log confidence). */
  public boolean plain() {
    return nu == 0f && !strengths.weighs();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s k=%d lambda=%s alpha=%s nu=%s %s %s", variant.label(),
        factors, lambda, alpha, nu, strengths.label(), solver.label());
  }
}
