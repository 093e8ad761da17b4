package org.alskernel.validation;

import org.alskernel.validation.ReferenceImplicitAls.NormalSystem;
import org.alskernel.validation.ReferenceImplicitAls.Side;

/**
 * Biased implicit ALS written straight from its equations, in double precision, over every pair
 * (docs/math.md, "Biased implicit ALS"): the score is s_ui = β_u + γ_i + x_uᵀy_i, and for user u
 *
 * <pre>
 *   ỹ_i = (y_i, 1)
 *   A_u = Σ_{i=0}^{n-1} c_ui · ỹ_i ỹ_iᵀ + λ·I
 *   b_u = Σ_{i=0}^{n-1} c_ui · (p_ui − γ_i) · ỹ_i
 *   (x_u, β_u) = A_u⁻¹ b_u   (LAPACK dposv)
 * </pre>
 *
 * with c and p from {@link ReferenceImplicitAls} (including c = 1, p = 0 off the data and the
 * negative-feedback rule). Factors are augmented dense arrays of width k + 1, the bias last.
 */
public final class ReferenceBiasedImplicitAls {
  private final ReferenceImplicitAls base;
  private final int k;

  public ReferenceBiasedImplicitAls(ReferenceImplicitAls base) {
    this.base = base;
    this.k = base.factors();
  }

  public int unknowns() {
    return k + 1;
  }

  /** One row's system over all of the other side's rows. */
  public NormalSystem buildSystem(Side side, int row, double[] other) {
    int d = k + 1;
    double[] c = base.confidenceVector(side, row);
    double[] p = base.preferenceVector(side, row);
    double[] a = new double[d * d];
    double[] b = new double[d];
    double[] yt = new double[d];
    for (int j = 0; j < c.length; j++) {
      System.arraycopy(other, j * d, yt, 0, k);
      double gamma = other[j * d + k];
      yt[k] = 1;
      for (int r = 0; r < d; r++) {
        for (int col = 0; col < d; col++) {
          a[r * d + col] += c[j] * yt[r] * yt[col];
        }
        b[r] += c[j] * (p[j] - gamma) * yt[r];
      }
    }
    for (int r = 0; r < d; r++) {
      a[r * d + r] += base.lambda();
    }
    return new NormalSystem(d, a, b);
  }

  /**
   * Σ_j (|c_j·p_j| + |c_j·γ_j|)·|ỹ_j| per coordinate: the scale of b's float rounding error (the
   * kernel forms the target c·p − (c − 1)·γ and adds the shared −Σ γ·ỹ, so it cancels in parts).
   */
  public double[] absoluteRhs(Side side, int row, double[] other) {
    int d = k + 1;
    double[] c = base.confidenceVector(side, row);
    double[] p = base.preferenceVector(side, row);
    double[] s = new double[d];
    for (int j = 0; j < c.length; j++) {
      double t = c[j] * (Math.abs(p[j]) + Math.abs(other[j * d + k]));
      for (int r = 0; r < d; r++) {
        s[r] += t * Math.abs(r < k ? other[j * d + r] : 1);
      }
    }
    return s;
  }

  /** Solves every row of {@code side} against the augmented {@code other}. */
  public double[] halfSweep(Side side, double[] other) {
    int d = k + 1;
    double[] out = new double[base.rows(side) * d];
    for (int r = 0; r < base.rows(side); r++) {
      double[] x = ReferenceImplicitAls.solve(buildSystem(side, r, other), side, r, base.lambda());
      System.arraycopy(x, 0, out, r * d, d);
    }
    return out;
  }

  /** One iteration from the given augmented item factors: users, then items. */
  public ReferenceImplicitAls.FactorPair iterate(double[] items) {
    double[] x = halfSweep(Side.USER, items);
    return new ReferenceImplicitAls.FactorPair(x, halfSweep(Side.ITEM, x));
  }
}
