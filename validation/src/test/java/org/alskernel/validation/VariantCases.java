package org.alskernel.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.train.AlsConfig;

/**
 * The explicit members of the family the variant tests run through: each a kernel configuration and
 * the double-precision reference written from the same equation.
 */
final class VariantCases {
  private VariantCases() {}

  static final float LAMBDA = 0.5f;
  static final float LAMBDA_WR = 0.05f;

  /** Which weighting an explicit case uses. */
  enum Weights { UNIFORM, LINEAR, EXPONENTIAL, PER_ENTRY }

  /** One explicit configuration. */
  record Explicit(String name, boolean biased, boolean wr, float nu, Weights weights) {
    Explicit(String name, boolean biased, boolean wr, Weights weights) {
      this(name, biased, wr, 0f, weights);
    }

    float lambda() {
      return wr ? LAMBDA_WR : LAMBDA;
    }

    AlsConfig config(int k, CsrMatrix perEntry, int threads) {
      ExplicitWeighting w = switch (weights) {
        case UNIFORM -> ExplicitWeighting.uniform();
        case LINEAR -> ExplicitWeighting.linearPopularity(0.5f, 3f);
        case EXPONENTIAL -> ExplicitWeighting.exponentialPopularity(0.1f, 0.7f);
        case PER_ENTRY -> ExplicitWeighting.perEntry(perEntry);
      };
      return AlsConfig.builder().variant(biased ? AlsVariant.EXPLICIT_BIASED : AlsVariant.EXPLICIT)
          .factors(k).lambda(lambda()).lambdaScaledByCount(wr).nu(nu).weighting(w).iterations(1).seed(3)
          .threads(threads).initScale(0.1f).build();
    }

    /** The reference's dense weights (null = all 1). */
    double[] denseWeights(CsrMatrix r, CsrMatrix perEntry) {
      return switch (weights) {
        case UNIFORM -> null;
        case LINEAR -> ReferenceExplicitAls.linearPopularity(r, 0.5, 3);
        case EXPONENTIAL -> ReferenceExplicitAls.exponentialPopularity(r, 0.1, 0.7);
        case PER_ENTRY -> ReferenceImplicitAls.densify(perEntry);
      };
    }

    ReferenceExplicitAls reference(CsrMatrix r, CsrMatrix perEntry, int k, double mean) {
      return new ReferenceExplicitAls(r, denseWeights(r, perEntry), k, lambda(), wr, nu, biased,
          biased ? mean : 0);
    }
  }

  static List<Explicit> explicitCases() {
    List<Explicit> cases = new ArrayList<>();
    for (boolean biased : new boolean[] {false, true}) {
      for (boolean wr : new boolean[] {false, true}) {
        cases.add(new Explicit((biased ? "biased " : "") + "explicit" + (wr ? " ALS-WR" : ""), biased,
            wr, Weights.UNIFORM));
      }
      for (Weights w : new Weights[] {Weights.LINEAR, Weights.EXPONENTIAL, Weights.PER_ENTRY}) {
        cases.add(new Explicit((biased ? "biased " : "") + "explicit " + w, biased, false, w));
      }
      cases.add(new Explicit((biased ? "biased " : "") + "explicit nu = 0.7", biased, false, 0.7f,
          Weights.LINEAR));
    }
    return cases;
  }

  /** Per-entry weights in [0.25, 4) aligned with {@code r}. */
  static CsrMatrix perEntryWeights(CsrMatrix r, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] v = new float[r.nnz()];
    for (int p = 0; p < v.length; p++) {
      v[p] = (float) Math.pow(2, rnd.nextDouble(-2, 2));
    }
    return CsrMatrix.of(r.rows(), r.cols(), r.indptr().clone(), r.indices().clone(), v);
  }

  /**
   * Explicit terms for the row tests, from the reference's dense weights: w and t = w·(r − μ), looked
   * up by (row, column) through {@code side}.
   */
  static EntryWeights explicitWeights(double[] dense, int items, boolean userSide, float mean) {
    return (row, indices, values, from, count, w, t) -> {
      for (int j = 0; j < count; j++) {
        int other = indices[from + j];
        int cell = userSide ? row * items + other : other * items + row;
        float wj = dense == null ? 1f : (float) dense[cell];
        w[j] = wj;
        t[j] = wj * (values[from + j] - mean);
      }
    };
  }

  /** Implicit configuration of the biased implicit variant. */
  static AlsConfig implicitBiased(int k, Confidence conf, int threads) {
    AlsConfig.Builder b = AlsConfig.builder().variant(AlsVariant.IMPLICIT_BIASED).factors(k)
        .lambda(LAMBDA).alpha(2f).iterations(1).seed(4).threads(threads).initScale(0.1f);
    return (conf == Confidence.LOG ? b.logConfidence(1f) : b.linearConfidence()).build();
  }

  /** Augmented dense factors (rows × (k+1)) from latent factors and biases. */
  static double[] augment(float[] latent, float[] bias, int k) {
    int rows = bias.length;
    double[] out = new double[rows * (k + 1)];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < k; f++) {
        out[r * (k + 1) + f] = latent[r * k + f];
      }
      out[r * (k + 1) + k] = bias[r];
    }
    return out;
  }
}
