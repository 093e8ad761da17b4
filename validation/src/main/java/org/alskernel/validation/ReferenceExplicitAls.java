package org.alskernel.validation;

import org.alskernel.data.CsrMatrix;
import org.alskernel.validation.ReferenceImplicitAls.NormalSystem;
import org.alskernel.validation.ReferenceImplicitAls.Side;

/**
 * Explicit-feedback ALS in all its kernel forms (plain, ALS-WR, weighted, biased), written straight
 * from the equations in double precision over dense matrices (docs/math.md, "Explicit ALS"):
 *
 * <pre>
 *   ỹ_i  = y_i, or (y_i, 1) when biased           s_i = γ_i (the other side's bias), or 0
 *   A_u  = Σ_{i∈N(u)} w_ui · ỹ_i ỹ_iᵀ + λ_u·I      λ_u = λ, λ·|N(u)| (ALS-WR) or λ·|N(u)|^ν
 *   b_u  = Σ_{i∈N(u)} w_ui · (r_ui − μ − s_i) · ỹ_i
 *   x̃_u  = A_u⁻¹ b_u  (LAPACK dposv) = x_u, or (x_u, β_u) when biased
 * </pre>
 *
 * and the same for items over the columns of R. N(u) is the set of observed entries (a mask, so a
 * stored rating of 0 still counts); w is a dense weight matrix (1 = unweighted).
 *
 * <p>Factor matrices are "augmented" dense row-major arrays of width {@link #unknowns()}: k latent
 * columns, then the bias when biased. Immutable; every method allocates its results.
 */
public final class ReferenceExplicitAls {
  private final int users;
  private final int items;
  private final double[] ratings;
  private final boolean[] observed;
  private final double[] weights;
  private final int k;
  private final double lambda;
  private final boolean scaledByCount;
  private final double nu;
  private final boolean biased;
  private final double mean;

  /**
   * @param weights dense m × n weights of the observed entries, or null for all 1
   * @param mean μ subtracted from every rating (use the mean rating when biased, else 0)
   */
  public ReferenceExplicitAls(CsrMatrix r, double[] weights, int k, double lambda,
      boolean scaledByCount, boolean biased, double mean) {
    this(r, weights, k, lambda, scaledByCount, 0, biased, mean);
  }

  /**
   * As above with frequency-scaled regularisation λ_u = λ·max(1, |N(u)|)^ν (the explicit variants
   * have no unobserved pairs, so α₀ = 0).
   */
  public ReferenceExplicitAls(CsrMatrix r, double[] weights, int k, double lambda,
      boolean scaledByCount, double nu, boolean biased, double mean) {
    this.users = r.rows();
    this.items = r.cols();
    this.ratings = ReferenceImplicitAls.densify(r);
    this.observed = new boolean[users * items];
    for (int u = 0; u < users; u++) {
      for (int p = r.indptr()[u]; p < r.indptr()[u + 1]; p++) {
        observed[u * items + r.indices()[p]] = true;
      }
    }
    this.weights = weights == null ? null : weights.clone();
    this.k = k;
    this.lambda = lambda;
    this.scaledByCount = scaledByCount;
    this.nu = nu;
    this.biased = biased;
    this.mean = mean;
  }

  /** Dense weights w_i = w0 + wk / c_i for every observed entry, c_i the item's rating count. */
  public static double[] linearPopularity(CsrMatrix r, double w0, double wk) {
    return byItem(r, c -> w0 + wk / c);
  }

  /** Dense weights w_i = w0 + (1 / c_i)^e for every observed entry. */
  public static double[] exponentialPopularity(CsrMatrix r, double w0, double e) {
    return byItem(r, c -> w0 + Math.pow(1.0 / c, e));
  }

  private static double[] byItem(CsrMatrix r, java.util.function.IntToDoubleFunction f) {
    int[] count = new int[r.cols()];
    for (int p = 0; p < r.nnz(); p++) {
      count[r.indices()[p]]++;
    }
    double[] w = new double[r.rows() * r.cols()];
    for (int u = 0; u < r.rows(); u++) {
      for (int p = r.indptr()[u]; p < r.indptr()[u + 1]; p++) {
        int i = r.indices()[p];
        w[u * r.cols() + i] = f.applyAsDouble(count[i]);
      }
    }
    return w;
  }

  /** The mean of the stored ratings. */
  public static double meanOf(CsrMatrix r) {
    double s = 0;
    for (float v : r.values()) {
      s += v;
    }
    return s / r.nnz();
  }

  /** k, or k + 1 when biased. */
  public int unknowns() {
    return biased ? k + 1 : k;
  }

  public int rows(Side side) {
    return side == Side.USER ? users : items;
  }

  public int others(Side side) {
    return side == Side.USER ? items : users;
  }

  private int cell(Side side, int row, int other) {
    return side == Side.USER ? row * items + other : other * items + row;
  }

  /** λ_u of one row. */
  public double rowLambda(Side side, int row) {
    if (!scaledByCount && nu == 0) {
      return lambda;
    }
    int n = 0;
    for (int j = 0; j < others(side); j++) {
      n += observed[cell(side, row, j)] ? 1 : 0;
    }
    return scaledByCount ? lambda * n : lambda * Math.pow(Math.max(1, n), nu);
  }

  /**
   * One row's system from its definition.
   *
   * @param other the other side's augmented factors (others × unknowns(); the last column is the
   *     other side's bias when biased)
   */
  public NormalSystem buildSystem(Side side, int row, double[] other) {
    int d = unknowns();
    double[] a = new double[d * d];
    double[] b = new double[d];
    double[] yt = new double[d];
    for (int j = 0; j < others(side); j++) {
      int cell = cell(side, row, j);
      if (!observed[cell]) {
        continue;
      }
      double w = weights == null ? 1 : weights[cell];
      System.arraycopy(other, j * d, yt, 0, k);
      double shift = 0;
      if (biased) {
        shift = other[j * d + k];
        yt[k] = 1;
      }
      double target = ratings[cell] - mean - shift;
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r * d + c] += w * yt[r] * yt[c];
        }
        b[r] += w * target * yt[r];
      }
    }
    double l = rowLambda(side, row);
    for (int r = 0; r < d; r++) {
      a[r * d + r] += l;
    }
    return new NormalSystem(d, a, b);
  }

  /**
   * Σ_j (|w_j·r_j| + |w_j·μ| + |w_j·s_j|)·|ỹ_j| per coordinate: the scale of b's float rounding
   * error. The target r − μ − s is formed by subtraction in float, so a target that nearly cancels
   * still carries an error relative to its parts, not to itself.
   */
  public double[] absoluteRhs(Side side, int row, double[] other) {
    int d = unknowns();
    double[] s = new double[d];
    for (int j = 0; j < others(side); j++) {
      int cell = cell(side, row, j);
      if (!observed[cell]) {
        continue;
      }
      double w = weights == null ? 1 : weights[cell];
      double parts = Math.abs(w) * (Math.abs(ratings[cell]) + Math.abs(mean)
          + (biased ? Math.abs(other[j * d + k]) : 0));
      for (int r = 0; r < d; r++) {
        s[r] += parts * Math.abs(r < k ? other[j * d + r] : 1);
      }
    }
    return s;
  }

  /** Solves every row of {@code side}; an empty row gets zeros (as the kernel). */
  public double[] halfSweep(Side side, double[] other) {
    int d = unknowns();
    double[] out = new double[rows(side) * d];
    for (int r = 0; r < rows(side); r++) {
      if (!hasEntries(side, r)) {
        continue;
      }
      double[] x = ReferenceImplicitAls.solve(buildSystem(side, r, other), side, r, rowLambda(side, r));
      System.arraycopy(x, 0, out, r * d, d);
    }
    return out;
  }

  private boolean hasEntries(Side side, int row) {
    for (int j = 0; j < others(side); j++) {
      if (observed[cell(side, row, j)]) {
        return true;
      }
    }
    return false;
  }

  /** One iteration from the given augmented item factors: users, then items. */
  public ReferenceImplicitAls.FactorPair iterate(double[] items) {
    double[] x = halfSweep(Side.USER, items);
    return new ReferenceImplicitAls.FactorPair(x, halfSweep(Side.ITEM, x));
  }
}
