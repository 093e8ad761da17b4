package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import dev.ludovic.netlib.lapack.LAPACK;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.linalg.SystemSolver;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.Confidence;
import org.alskernel.validation.ReferenceImplicitAls.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netlib.util.intW;

/**
 * Per-row checks (a), (b), (d): the kernel's normal equations (NormalEquations.build on Gram.compute,
 * β = 1) and its Cholesky solution against the double-precision reference, for both kernel
 * implementations, both sides, adversarial rows, and k from 1 to 256 (odd sizes, one past a vector,
 * powers of two).
 */
class RowSystemTest {
  /**
   * max|A − A_ref| / max|A_ref|, and max|b − b_ref| / max(b_abs) where b_abs sums the magnitudes of
   * b's terms (b may cancel). Float accumulation over the n terms of a row plus the Gram's n is bounded
   * by about 2·n·u: 8e-6 for n = 70, 3.6e-5 for the n = 300 rows. Rounding errors add up like a random
   * walk (≈ √n·u) in practice: measured ≤ 4.6e-7 (n = 70, k = 100) and ≤ 7.1e-7 (n = 300). A missing
   * term or an off-by-one moves A by ≥ |y|²/max|A| ≈ 1e-3 (2e-4 for n = 300), so 1e-5 still catches it.
   */
  static final double BUILD_TOL = 1e-5;

  /**
   * Normwise backward error ‖A_ref x − b_ref‖ / (‖A_ref‖_F·‖x‖ + ‖b_abs‖) of the kernel's float
   * solution in the reference system; independent of κ. Float Cholesky is backward stable (≈ k·u) on
   * top of the build's ≈ n·u; measured ≤ 1.3e-7, and 2e-6 keeps a 15× margin.
   */
  static final double BACKWARD_TOL = 2e-6;

  /**
   * Forward error ‖x − x_ref‖ ≤ FORWARD_FACTOR · ε · (‖b_abs‖ + λ_max‖x_ref‖) / λ_min with ε = (n + k)·u,
   * the first-order perturbation bound for relative errors ε in A and in b's terms (κ enters through
   * λ_max/λ_min). The bound is pessimistic: measured ratio ≤ 0.21; factor 2 keeps a 10× margin.
   */
  static final double FORWARD_FACTOR = 2;

  /** Scalar vs vector: two float computations, each within BUILD_TOL of the reference. */
  static final double OPS_AGREE_TOL = 2 * BUILD_TOL;

  static final int USERS = 12;
  static final int ITEMS = 70;
  static final float LAMBDA = 0.5f;
  static final float ALPHA = 2f;
  static final double INIT_SCALE = 0.1;

  private static final Fixtures.Report REPORT = new Fixtures.Report("RowSystemTest measured errors");
  private static final double[] WORST = new double[5]; // build, backward, forward/(u·κ), scalar-vs-vector

  @AfterAll
  static void report() {
    REPORT.add(String.format("worst: build %.3g, backward %.3g, forward/bound %.3g, ops %.3g, max kappa %.3g",
        WORST[0], WORST[1], WORST[2], WORST[3], WORST[4]));
    REPORT.add("at: " + String.join(" | ", WHERE));
    REPORT.print();
  }

  private static final String[] WHERE = new String[5];

  private static synchronized void worst(int i, double v) {
    worst(i, v, "");
  }

  private static synchronized void worst(int i, double v, String where) {
    if (v > WORST[i]) {
      WORST[i] = v;
      WHERE[i] = where;
    }
  }

  /**
   * One row's kernel output for a given implementation: x from the sweep's solver (SystemSolver:
   * 16 systems per vector lane for k ≤ 256), xSingle from the one-at-a-time blocked Cholesky.
   */
  record KernelRow(double[] upperA, double[] b, double[] x, double[] xSingle, int pivot) {}

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17, 64, 100, 128, 256})
  void rowsMatchReferenceOnBothSidesAndImplementations(int k) {
    compareRows(Fixtures.adversarial(USERS, ITEMS, 0.3, 1e6f, 1000 + k), k);
  }

  /**
   * Rows longer than one gather batch (RowWorkspace.BATCH = 128 neighbours): 300 items, a dense row of
   * 299 entries and random rows of ≈ 180, so the build crosses one and two batch boundaries.
   */
  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {3, 17, 64})
  void rowsLongerThanOneBatchMatchReference(int k) {
    compareRows(Fixtures.adversarial(6, 300, 0.6, 1e6f, 2000 + k), k);
  }

  private static void compareRows(CsrMatrix r, int k) {
    for (Confidence conf : Confidence.values()) {
      ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, k, LAMBDA, ALPHA, conf, 1.0);
      EntryWeights weights = Fixtures.implicitWeights(conf, ALPHA, 1f);
      for (Side side : Side.values()) {
        CsrMatrix rows = side == Side.USER ? r : r.transpose();
        float[] other = Fixtures.gaussian(ref.others(side), k, INIT_SCALE, 7 * k + side.ordinal());
        double[] otherD = ReferenceImplicitAls.toDouble(other);
        for (int row = 0; row < rows.rows(); row++) {
          ReferenceImplicitAls.NormalSystem sys = ref.buildSystem(side, row, otherD);
          double[] xref = ReferenceImplicitAls.solve(sys, side, row, LAMBDA);
          double[] eig = eigenvalues(sys);
          double[] bAbs = absoluteRhs(ref, side, row, otherD);
          worst(4, eig[k - 1] / eig[0], "kappa " + side.label() + " row " + row + " k=" + k);
          List<KernelRow> outs = new ArrayList<>();
          for (VectorOps ops : Fixtures.allOps()) {
            KernelRow kr = kernelRow(ops, rows, row, other, k, weights);
            outs.add(kr);
            String where = ops.name() + " " + conf + " " + side.label() + " row " + row + " k=" + k;
            check(where, sys, xref, eig, bAbs, ref.others(side), kr);
            double batchedVsSingle = norm(diff(kr.x(), kr.xSingle()));
            double scale = (ref.others(side) + k) * Fixtures.U
                * (norm(bAbs) + eig[k - 1] * norm(xref)) / eig[0];
            assertTrue(batchedVsSingle <= 2 * FORWARD_FACTOR * scale,
                where + ": batched and single solves differ by " + batchedVsSingle);
          }
          double agreeA = maxAbsDiff(outs.get(0).upperA(), outs.get(1).upperA()) / maxAbs(upper(sys));
          double xScale = (ref.others(side) + k) * Fixtures.U
              * (norm(bAbs) + eig[k - 1] * norm(xref)) / eig[0];
          double agreeX = norm(diff(outs.get(0).x(), outs.get(1).x()));
          worst(3, agreeA);
          assertTrue(agreeA <= OPS_AGREE_TOL, "scalar vs vector A differ by " + agreeA);
          assertTrue(agreeX <= 2 * FORWARD_FACTOR * xScale, "scalar vs vector x differ by " + agreeX);
        }
      }
    }
  }

  private static void check(String where, ReferenceImplicitAls.NormalSystem sys, double[] xref,
      double[] eig, double[] bAbs, int terms, KernelRow kr) {
    assertEquals(-1, kr.pivot(), where + ": kernel Cholesky failed on an SPD system");
    double[] aref = upper(sys);
    double errA = maxAbsDiff(kr.upperA(), aref) / maxAbs(aref);
    double maxB = maxAbs(bAbs);
    double errB = maxB == 0 ? maxAbs(kr.b()) : maxAbsDiff(kr.b(), sys.b()) / maxB;
    worst(0, Math.max(errA, errB), where + " A " + errA + " b " + errB);
    assertTrue(errA <= BUILD_TOL, where + ": A relative error " + errA);
    assertTrue(errB <= BUILD_TOL, where + ": b relative error " + errB);

    double backward = backwardError(sys, bAbs, kr.x());
    worst(1, backward, where);
    assertTrue(backward <= BACKWARD_TOL, where + ": backward error " + backward);
    if (maxB == 0) {
      assertEquals(0.0, maxAbs(kr.x()), where + ": b = 0 must give x = 0");
      return;
    }
    // Perturbation bound for relative data errors ε = (n + k)·u in A and in the terms of b:
    // ‖δx‖ ≤ ε·‖A⁻¹‖·(‖b_abs‖ + ‖A‖·‖x‖) = ε·(‖b_abs‖ + λ_max‖x‖)/λ_min.
    double forward = norm(diff(kr.x(), xref));
    double lmin = eig[0];
    double lmax = eig[eig.length - 1];
    double scale = (terms + sys.k()) * Fixtures.U * (norm(bAbs) + lmax * norm(xref)) / lmin;
    worst(2, forward / scale, where + " kappa " + lmax / lmin + " fwd " + forward / norm(xref));
    assertTrue(forward <= FORWARD_FACTOR * scale, where + ": forward error " + forward + " > "
        + FORWARD_FACTOR + "·" + scale + ", kappa=" + lmax / lmin);
  }

  static KernelRow kernelRow(VectorOps ops, CsrMatrix rows, int row, float[] otherDense, int k,
      EntryWeights weights) {
    int kp = ops.paddedStride(k);
    Factors other = new Factors(otherDense.length / k, k, kp);
    other.setFromDense(otherDense);
    float[] gram = Gram.of(ops, other, new ParallelRunner(null));
    RowWorkspace ws = new RowWorkspace(kp);
    NormalEquations.build(ops, VariantRowSystemTest.problem(1f, LAMBDA, weights, rows, gram, null,
        other), row, ws);
    double[] upperA = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        upperA[i * k + j] = ws.a[i * kp + j];
      }
    }
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = ws.b[i];
    }
    for (int i = k; i < kp; i++) {
      assertEquals(0f, ws.b[i], "padding of b must stay zero");
    }
    float[] a = ws.a.clone();
    float[] rhs = ws.b.clone();
    int pivot = new SystemSolver(ops, k, kp, false).solveOne(ws);
    double[] x = new double[k];
    double[] xSingle = new double[k];
    if (pivot < 0) {
      for (int i = 0; i < k; i++) {
        x[i] = ws.b[i];
      }
      assertEquals(-1, Cholesky.factor(ops, a, k, kp, ws.choleskyScratch), "single path pivot");
      Cholesky.solve(ops, a, k, kp, rhs);
      for (int i = 0; i < k; i++) {
        xSingle[i] = rhs[i];
      }
    }
    return new KernelRow(upperA, b, x, xSingle, pivot);
  }

  /** The upper triangle of the reference A (lower part zero), row-major k×k. */
  static double[] upper(ReferenceImplicitAls.NormalSystem sys) {
    int k = sys.k();
    double[] u = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        u[i * k + j] = sys.a()[i * k + j];
      }
    }
    return u;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  /**
   * b_abs[r] = Σ_j |c_j·p_j·y_jr|: the magnitude of the terms summed into b[r], the scale against
   * which a float sum's error is measured (b itself may cancel, e.g. for k = 1 and mixed-sign y).
   */
  static double[] absoluteRhs(ReferenceImplicitAls ref, Side side, int row, double[] other) {
    int k = ref.factors();
    double[] c = ref.confidenceVector(side, row);
    double[] p = ref.preferenceVector(side, row);
    double[] abs = new double[k];
    for (int j = 0; j < c.length; j++) {
      for (int r = 0; r < k; r++) {
        abs[r] += Math.abs(c[j] * p[j] * other[j * k + r]);
      }
    }
    return abs;
  }

  /** ‖A x − b‖₂ / (‖A‖_F ‖x‖₂ + ‖b_abs‖₂). */
  static double backwardError(ReferenceImplicitAls.NormalSystem sys, double[] bAbs, double[] x) {
    int k = sys.k();
    double res = 0;
    double normA = 0;
    for (int i = 0; i < k; i++) {
      double s = -sys.b()[i];
      for (int j = 0; j < k; j++) {
        s += sys.a()[i * k + j] * x[j];
        normA += sys.a()[i * k + j] * sys.a()[i * k + j];
      }
      res += s * s;
    }
    double den = Math.sqrt(normA) * norm(x) + norm(bAbs);
    return den == 0 ? 0 : Math.sqrt(res) / den;
  }

  static double norm(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** The eigenvalues of A in ascending order, from LAPACK dsyev. */
  static double[] eigenvalues(ReferenceImplicitAls.NormalSystem sys) {
    int k = sys.k();
    double[] a = sys.a().clone();
    double[] eig = new double[k];
    double[] work = new double[Math.max(1, 3 * k)];
    intW info = new intW(0);
    LAPACK.getInstance().dsyev("N", "U", k, a, k, eig, work, work.length, info);
    assertEquals(0, info.val, "dsyev failed");
    return eig;
  }

  @Test
  void referenceRowSolutionMinimisesTheReferenceObjective() {
    // Holds the reference to its own objective, coded independently: after a user half-sweep, nudging
    // any coordinate of any user's vector must not lower L (the sweep is an exact minimiser).
    int k = 5;
    CsrMatrix r = Fixtures.adversarial(10, 20, 0.3, 50f, 3);
    ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, k, 0.3, 3, Confidence.LINEAR, 1);
    double[] y = ReferenceImplicitAls.toDouble(Fixtures.gaussian(20, k, 0.3, 4));
    double[] x = ref.updateUsers(y);
    double best = ref.objective(x, y);
    double delta = 1e-4;
    for (int i = 0; i < x.length; i++) {
      for (double d : new double[] {-delta, delta}) {
        double[] moved = x.clone();
        moved[i] += d;
        double l = ref.objective(moved, y);
        assertTrue(l >= best - 1e-12 * best, "moving x[" + i + "] by " + d + " lowered L: " + l + " < " + best);
      }
    }
    double[] y2 = ref.updateItems(x);
    assertTrue(ref.objective(x, y2) <= best * (1 + 1e-12), "item sweep raised the reference objective");
  }
}
