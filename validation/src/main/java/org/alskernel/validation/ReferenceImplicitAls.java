package org.alskernel.validation;

import dev.ludovic.netlib.lapack.LAPACK;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Confidence;
import org.netlib.util.intW;

/**
 * Implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) written straight from the equations, in double
 * precision, with no tricks: the yardstick every fast path of the kernel is held to, and the "naive
 * dense implementation" the benchmarks measure against.
 *
 * <p>For user u, with the other side's factors Y (n × k):
 *
 * <pre>
 *   c_ui = 1 + α·|r_ui|                 (linear)   or   1 + α·log(1 + |r_ui|/ε)   (log);  c = 1 when r = 0
 *   p_ui = 1 if r_ui &gt; 0, else 0
 *   A_u  = Σ_{i=0}^{n-1} c_ui · y_i y_iᵀ + λ·I          (every item, not the YᵀY shortcut)
 *   b_u  = Σ_{i=0}^{n-1} c_ui · p_ui · y_i
 *   x_u  = A_u⁻¹ b_u                                     (LAPACK dposv)
 * </pre>
 *
 * and the same for every item against the users (the item side reads the columns of R). The objective
 * is the direct double sum over all m·n pairs, {@code L = Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ(‖X‖² +
 * ‖Y‖²)}.
 *
 * <p>Data layout: the strengths are a dense m × n row-major {@code double[]} (0 = no interaction).
 * Factor matrices are dense row-major {@code double[]} with stride k (users m × k, items n × k), the
 * same layout as {@code AlsSession.userFactors()} apart from the element type. Every method allocates
 * its results and never modifies its inputs; instances are immutable and thread-safe.
 *
 * <p>Cost: a row's system is O(n·k²) to build and O(k³) to solve, so a half-sweep is O(m·n·k²). Use it
 * only on small matrices.
 */
public final class ReferenceImplicitAls {

  /** Which side a row belongs to: users solve against item factors, items against user factors. */
  public enum Side {
    USER("user"),
    ITEM("item");

    private final String label;

    Side(String label) {
      this.label = label;
    }

    /** "user" or "item". */
    public String label() {
      return label;
    }
  }

  /**
   * One row's normal equations {@code A x = b}.
   *
   * @param k the system size
   * @param a the full symmetric k × k matrix, row-major (both triangles filled)
   * @param b the right-hand side, length k
   */
  public record NormalSystem(int k, double[] a, double[] b) {}

  /**
   * Both factor matrices after an iteration.
   *
   * @param users user factors, m × k row-major
   * @param items item factors, n × k row-major
   */
  public record FactorPair(double[] users, double[] items) {}

  private final int users;
  private final int items;
  private final double[] strengths;
  private final int k;
  private final double lambda;
  private final double alpha;
  private final Confidence confidence;
  private final double epsilon;
  private final double nu;
  private final double unobservedWeight;

  /**
   * A reference model.
   *
   * @param users m, the number of users (rows of R)
   * @param items n, the number of items (columns of R)
   * @param strengths R, dense m × n row-major; 0 means no interaction (copied)
   * @param k factor length (≥ 1)
   * @param lambda λ ≥ 0
   * @param alpha α ≥ 0
   * @param confidence linear or log confidence
   * @param epsilon ε &gt; 0 of the log confidence (ignored for linear)
   */
  public ReferenceImplicitAls(int users, int items, double[] strengths, int k, double lambda,
      double alpha, Confidence confidence, double epsilon) {
    this(users, items, strengths, k, lambda, alpha, confidence, epsilon, 0, 0);
  }

  private ReferenceImplicitAls(int users, int items, double[] strengths, int k, double lambda,
      double alpha, Confidence confidence, double epsilon, double nu, double unobservedWeight) {
    if (users < 0 || items < 0) {
      throw new IllegalArgumentException("negative shape " + users + "x" + items);
    }
    if (strengths.length != (long) users * items) {
      throw new IllegalArgumentException("strengths has length " + strengths.length + ", expected "
          + users + "×" + items + " = " + (long) users * items);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be ≥ 1, got " + k);
    }
    if (!(lambda >= 0) || !(alpha >= 0) || !(epsilon > 0) || confidence == null) {
      throw new IllegalArgumentException("need lambda ≥ 0, alpha ≥ 0, epsilon > 0 and a confidence,"
          + " got lambda=" + lambda + ", alpha=" + alpha + ", epsilon=" + epsilon + ", " + confidence);
    }
    this.users = users;
    this.items = items;
    this.strengths = strengths.clone();
    this.k = k;
    this.lambda = lambda;
    this.alpha = alpha;
    this.confidence = confidence;
    this.epsilon = epsilon;
    this.nu = nu;
    this.unobservedWeight = unobservedWeight;
  }

  /**
   * The same model with frequency-scaled regularisation (docs/math.md): row r of a side regularised
   * by λ·max(1, |N(r)| + α₀·n)^ν, |N(r)| its nonzero strengths and n the other side's row count.
   */
  public ReferenceImplicitAls frequencyScaled(double nu, double unobservedWeight) {
    return new ReferenceImplicitAls(users, items, strengths, k, lambda, alpha, confidence, epsilon,
        nu, unobservedWeight);
  }

  /** λ of one row: λ, or its frequency-scaled value. */
  public double rowLambda(Side side, int row) {
    if (nu == 0) {
      return lambda;
    }
    int count = 0;
    for (int j = 0; j < others(side); j++) {
      count += strengthOf(side, row, j) != 0 ? 1 : 0;
    }
    return lambda * Math.pow(Math.max(1, count + unobservedWeight * others(side)), nu);
  }

  /** A reference over the same data as a kernel CSR matrix (densified; unstored entries are 0). */
  public static ReferenceImplicitAls fromCsr(CsrMatrix r, int k, double lambda, double alpha,
      Confidence confidence, double epsilon) {
    return new ReferenceImplicitAls(r.rows(), r.cols(), densify(r), k, lambda, alpha, confidence,
        epsilon);
  }

  /** The dense m × n row-major copy of {@code r}, unstored entries 0. */
  public static double[] densify(CsrMatrix r) {
    double[] dense = new double[r.rows() * r.cols()];
    int[] indptr = r.indptr();
    for (int u = 0; u < r.rows(); u++) {
      for (int p = indptr[u]; p < indptr[u + 1]; p++) {
        dense[u * r.cols() + r.indices()[p]] = r.values()[p];
      }
    }
    return dense;
  }

  public int users() {
    return users;
  }

  public int items() {
    return items;
  }

  public int factors() {
    return k;
  }

  public double lambda() {
    return lambda;
  }

  /** c(r) in double: 1 + α|r| or 1 + α·log(1 + |r|/ε); exactly 1 for r = 0. */
  public double confidence(double r) {
    double m = Math.abs(r);
    return switch (confidence) {
      case LINEAR -> 1.0 + alpha * m;
      case LOG -> 1.0 + alpha * Math.log1p(m / epsilon);
    };
  }

  /** p(r) = 1 if r &gt; 0, else 0. */
  public static double preference(double r) {
    return r > 0 ? 1.0 : 0.0;
  }

  /** The strength r of (user, item). */
  public double strength(int user, int item) {
    return strengths[user * items + item];
  }

  /** Number of rows on {@code side} (m for users, n for items). */
  public int rows(Side side) {
    return side == Side.USER ? users : items;
  }

  /** Number of rows on the other side (the length of a row's confidence vector). */
  public int others(Side side) {
    return side == Side.USER ? items : users;
  }

  private double strengthOf(Side side, int row, int other) {
    return side == Side.USER ? strength(row, other) : strength(other, row);
  }

  /**
   * The dense confidence vector of one row: c for every one of the other side's rows (1 where there
   * is no interaction).
   */
  public double[] confidenceVector(Side side, int row) {
    checkRow(side, row);
    int n = others(side);
    double[] c = new double[n];
    for (int j = 0; j < n; j++) {
      c[j] = confidence(strengthOf(side, row, j));
    }
    return c;
  }

  /** The dense preference vector of one row: p for every one of the other side's rows. */
  public double[] preferenceVector(Side side, int row) {
    checkRow(side, row);
    int n = others(side);
    double[] p = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = preference(strengthOf(side, row, j));
    }
    return p;
  }

  /**
   * Builds one row's system directly: {@code A = Σ_j c_j·y_j y_jᵀ + λI} over all of the other side's
   * rows j and {@code b = Σ_j c_j·p_j·y_j}.
   *
   * @param other the other side's factors, dense row-major with stride k
   */
  public NormalSystem buildSystem(Side side, int row, double[] other) {
    checkFactors(others(side), other, side == Side.USER ? "item" : "user");
    double[] c = confidenceVector(side, row);
    double[] p = preferenceVector(side, row);
    double[] a = new double[k * k];
    double[] b = new double[k];
    for (int j = 0; j < c.length; j++) {
      int o = j * k;
      for (int r = 0; r < k; r++) {
        double cy = c[j] * other[o + r];
        for (int col = 0; col < k; col++) {
          a[r * k + col] += cy * other[o + col];
        }
        b[r] += c[j] * p[j] * other[o + r];
      }
    }
    double rowLambda = rowLambda(side, row);
    for (int r = 0; r < k; r++) {
      a[r * k + r] += rowLambda;
    }
    return new NormalSystem(k, a, b);
  }

  /**
   * Solves {@code A x = b} with LAPACK {@code dposv} (Cholesky) on a copy of the system.
   *
   * @throws ReferenceSolveException if dposv reports that A is not positive definite
   */
  public static double[] solve(NormalSystem system, Side side, int row, double lambda) {
    int n = system.k();
    double[] a = system.a().clone();
    double[] x = system.b().clone();
    intW info = new intW(0);
    // A is symmetric, so row-major and column-major are the same matrix.
    LAPACK.getInstance().dposv("U", n, 1, a, n, x, n, info);
    if (info.val > 0) {
      throw new ReferenceSolveException(side, row, lambda,
          "dposv: the leading minor of order " + info.val + " is not positive definite");
    }
    if (info.val < 0) {
      throw new IllegalStateException("dposv rejected argument " + (-info.val));
    }
    return x;
  }

  /** Builds and solves one row: the new factor vector of {@code row}. */
  public double[] solveRow(Side side, int row, double[] other) {
    return solve(buildSystem(side, row, other), side, row, rowLambda(side, row));
  }

  /** Solves every row of {@code side} against {@code other}: the new factors of that side. */
  public double[] halfSweep(Side side, double[] other) {
    int rows = rows(side);
    double[] out = new double[rows * k];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(solveRow(side, r, other), 0, out, r * k, k);
    }
    return out;
  }

  /** New user factors X from item factors Y (m × k from n × k). */
  public double[] updateUsers(double[] itemFactors) {
    return halfSweep(Side.USER, itemFactors);
  }

  /** New item factors Y from user factors X (n × k from m × k). */
  public double[] updateItems(double[] userFactors) {
    return halfSweep(Side.ITEM, userFactors);
  }

  /**
   * One full iteration from the given item factors: users, then items. (The initial user factors
   * do not enter an iteration that starts with the user sweep.)
   */
  public FactorPair iterate(double[] itemFactors) {
    double[] x = updateUsers(itemFactors);
    double[] y = updateItems(x);
    return new FactorPair(x, y);
  }

  /** {@code iterations} full iterations from the given item factors. */
  public FactorPair train(double[] itemFactors, int iterations) {
    FactorPair f = new FactorPair(null, itemFactors.clone());
    for (int it = 0; it < iterations; it++) {
      f = iterate(f.items());
    }
    return f;
  }

  /**
   * The objective by its definition: {@code Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + Σ_u λ_u‖x_u‖² + Σ_i
   * λ_i‖y_i‖²} over all m·n pairs, in double (λ_u = λ without frequency scaling).
   */
  public double objective(double[] userFactors, double[] itemFactors) {
    checkFactors(users, userFactors, "user");
    checkFactors(items, itemFactors, "item");
    double sum = 0;
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        double s = 0;
        for (int f = 0; f < k; f++) {
          s += userFactors[u * k + f] * itemFactors[i * k + f];
        }
        double r = strength(u, i);
        double e = preference(r) - s;
        sum += confidence(r) * e * e;
      }
    }
    return sum + penalty(Side.USER, userFactors) + penalty(Side.ITEM, itemFactors);
  }

  /** Σ_r λ_r ‖f_r‖² over the rows of one side. */
  private double penalty(Side side, double[] factors) {
    double sum = 0;
    for (int r = 0; r < rows(side); r++) {
      double norm = 0;
      for (int f = 0; f < k; f++) {
        norm += factors[r * k + f] * factors[r * k + f];
      }
      sum += rowLambda(side, r) * norm;
    }
    return sum;
  }

  /** Widens a float factor array (e.g. from {@code AlsSession}) to double. */
  public static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private void checkRow(Side side, int row) {
    if (row < 0 || row >= rows(side)) {
      throw new IndexOutOfBoundsException(side.label() + " row " + row + " not in [0, " + rows(side) + ")");
    }
  }

  private void checkFactors(int rows, double[] f, String what) {
    if (f.length != (long) rows * k) {
      throw new IllegalArgumentException(what + " factors have length " + f.length + ", expected "
          + rows + "×" + k + " = " + (long) rows * k);
    }
  }
}
