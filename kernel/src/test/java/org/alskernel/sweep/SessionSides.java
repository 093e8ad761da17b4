package org.alskernel.sweep;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;

/**
 * A training session's factors as the padded {@link Factors} the sweep solves with, and the entry
 * weights of an explicit variant: what a test needs to solve one side again outside the session.
 */
final class SessionSides {
  private final AlsSession session;
  private final int k;
  private final int kp;
  private final boolean biased;
  private final ExplicitWeights[] explicit;

  SessionSides(AlsSession session, AlsConfig config, CsrMatrix ratings) {
    this.session = session;
    this.biased = config.variant().isBiased();
    this.k = config.factors();
    this.kp = VectorOpsProvider.get().paddedStride(biased ? k + 2 : k);
    this.explicit = config.variant().isExplicit()
        ? ExplicitWeights.forSides(config.weighting(), ratings, ratings.transpose(),
            session.globalMean())
        : null;
  }

  /** The session's user factors as they are now. */
  Factors users() {
    return side(session.userFactors(), biased ? session.userBiases() : null);
  }

  /** The session's item factors as they are now. */
  Factors items() {
    return side(session.itemFactors(), biased ? session.itemBiases() : null);
  }

  /** The explicit weights of the user rows; null for implicit variants. */
  EntryWeights userWeights() {
    return explicit == null ? null : explicit[0];
  }

  /** The explicit weights of the item rows; null for implicit variants. */
  EntryWeights itemWeights() {
    return explicit == null ? null : explicit[1];
  }

  private Factors side(float[] dense, float[] bias) {
    Factors f = new Factors(dense.length / k, k, kp, bias != null);
    f.setFromDense(dense);
    if (bias != null) {
      f.setBiases(bias);
    }
    return f;
  }
}
