package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.DenseRows;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.alskernel.validation.ReferenceImplicitAls.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conjugate-gradient solver against exact solutions: with as many steps as unknowns, CG solves
 * the system (in exact arithmetic it must), so its result must match the double-precision reference
 * row by row, and a whole half-sweep must match the Cholesky sweep, for every variant.
 */
class ConjugateGradientTest {
  /**
   * Relative forward error allowed, in units of RowSystemTest's first-order bound for float data
   * errors ε = (n + k)·u in A and in b's terms, ε·(‖b_abs‖ + λ_max‖x‖)/(λ_min‖x‖), which the Cholesky
   * solve meets with factor 2. With d steps CG reaches the same accuracy on these implicit rows
   * (κ ≤ 80): measured ≤ 1.7 (k = 16, warm start), so the factor leaves a margin of about five.
   */
  static final double FORWARD_FACTOR = 8;

  /**
   * Relative difference allowed between the CG and Cholesky sweeps' factors. Both solve each row to
   * within the data-error bound ε·κ, ε = (n + k)·u: with n ≤ 35 neighbours, k = 12 and κ ≲ 100 here,
   * about 3e-4 each. Measured ≤ 5.4e-6.
   */
  static final double SWEEP_TOL = 3e-4;

  static final float LAMBDA = 0.5f;
  static final float ALPHA = 2f;

  private static final Fixtures.Report REPORT = new Fixtures.Report("ConjugateGradientTest measured errors");
  private static final double[] WORST = new double[2];

  @AfterAll
  static void report() {
    REPORT.add(String.format("worst: row forward error / bound %.3g, sweep vs Cholesky %.3g",
        WORST[0], WORST[1]));
    REPORT.print();
  }

  private static synchronized void worst(int i, double v, String where) {
    if (v > WORST[i]) {
      WORST[i] = v;
      REPORT.add(String.format("new worst[%d] %.3g at %s", i, v, where));
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17, 64, 100})
  void kStepsReachTheReferenceSolutionOfEveryRow(int k) {
    compareRows(Fixtures.random(12, 150, 0.3, 300 + k), k);
  }

  /**
   * 200-entry rows, longer than one gather (RowWorkspace.BATCH = 128): every product reads the
   * neighbours in place, slice by slice.
   */
  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {3, 17, 64})
  void rowsLongerThanOneGatherReachTheReferenceSolution(int k) {
    compareRows(Fixtures.random(6, 400, 0.5, 400 + k), k);
  }

  private static void compareRows(CsrMatrix r, int k) {
    ReferenceImplicitAls ref = ReferenceImplicitAls.fromCsr(r, k, LAMBDA, ALPHA, Confidence.LINEAR, 1.0);
    EntryWeights weights = Fixtures.implicitWeights(Confidence.LINEAR, ALPHA, 1f);
    for (Side side : Side.values()) {
      CsrMatrix rows = side == Side.USER ? r : r.transpose();
      float[] otherDense = Fixtures.gaussian(ref.others(side), k, 0.3, 11 * k + side.ordinal());
      double[] otherD = ReferenceImplicitAls.toDouble(otherDense);
      float[] start = Fixtures.gaussian(rows.rows(), k, 0.3, 13 * k);
      for (VectorOps ops : Fixtures.allOps()) {
        int kp = ops.paddedStride(k);
        Factors other = new Factors(otherDense.length / k, k, kp);
        other.setFromDense(otherDense);
        Factors current = new Factors(rows.rows(), k, kp);
        current.setFromDense(start);
        float[] gram = Gram.of(ops, other, new ParallelRunner(null));
        // row by row, and in a group walking the other side in blocks of three rows
        ConjugateGradient[] solvers = {new ConjugateGradient(ops, new RowWorkspace(kp)),
            ConjugateGradient.blocked(ops, new RowWorkspace(kp), new DenseRows(0, 3 * 4 * kp, 1, 4))};
        for (ConjugateGradient cg : solvers) {
          for (int row = 0; row < rows.rows(); row++) {
            if (rows.rowLength(row) == 0) {
              continue; // x = 0 exactly; the sweep writes it without solving (see the sweep test)
            }
            ReferenceImplicitAls.NormalSystem sys = ref.buildSystem(side, row, otherD);
            double[] xref = ReferenceImplicitAls.solve(sys, side, row, LAMBDA);
            double[] eig = RowSystemTest.eigenvalues(sys);
            double kappa = eig[k - 1] / eig[0];
            double[] bAbs = RowSystemTest.absoluteRhs(ref, side, row, otherD);
            double bound = (ref.others(side) + k) * Fixtures.U
                * (RowSystemTest.norm(bAbs) + eig[k - 1] * RowSystemTest.norm(xref)) / eig[0]
                / RowSystemTest.norm(xref);
            for (boolean warm : new boolean[] {false, true}) {
              float[] from = warm ? current.data : new float[kp];
              int offset = warm ? current.rowStart(row) : 0;
              cg.solve(VariantRowSystemTest.problem(1f, LAMBDA, weights, rows, gram, null, other), row,
                  k, from, offset);
              double[] x = new double[k];
              for (int i = 0; i < k; i++) {
                x[i] = cg.solution()[i];
              }
              double err = Fixtures.relativeError(x, xref);
              String where = ops.name() + (cg == solvers[0] ? "" : " blocked") + " "
                  + side.label() + " row " + row + " k=" + k + (warm ? " warm" : " cold")
                  + " kappa " + (float) kappa;
              worst(0, err / bound, where);
              assertTrue(err <= FORWARD_FACTOR * bound, where + ": relative error " + err
                  + " > " + FORWARD_FACTOR + "·" + bound);
            }
          }
        }
      }
    }
  }

  /**
   * Every variant through the sweep (shared terms, biased layout, per-row λ): CG half-sweeps land on
   * the Cholesky half-sweeps' factors. Twice as many steps as unknowns: the explicit systems here
   * reach κ ≈ 10³, where float CG, having lost the orthogonality of its directions, is not done after
   * d steps (measured: 4e-2 off after d steps for EXPLICIT, 6e-4 for IMPLICIT_BIASED; ≤ 6e-6 after 2d).
   */
  @ParameterizedTest
  @EnumSource(AlsVariant.class)
  void sweepWithEnoughStepsMatchesCholeskySweep(AlsVariant variant) {
    int k = 12;
    CsrMatrix r = Fixtures.random(50, 70, 0.2, 77);
    AlsConfig.Builder base = AlsConfig.builder().variant(variant).factors(k).lambda(LAMBDA)
        .alpha(ALPHA).seed(5).threads(1).initScale(0.3f);
    AlsConfig exact = base.build();
    AlsConfig cg = base.conjugateGradient(2 * (variant.isBiased() ? k + 1 : k)).build();
    try (AlsSession a = new AlsSession(r, exact); AlsSession b = new AlsSession(r, cg)) {
      for (int half = 0; half < 4; half++) {
        if (half % 2 == 0) {
          a.updateUsers();
          b.updateUsers();
        } else {
          a.updateItems();
          b.updateItems();
        }
        double err = Math.max(
            Fixtures.relativeError(ReferenceImplicitAls.toDouble(b.userFactors()),
                ReferenceImplicitAls.toDouble(a.userFactors())),
            Fixtures.relativeError(ReferenceImplicitAls.toDouble(b.itemFactors()),
                ReferenceImplicitAls.toDouble(a.itemFactors())));
        worst(1, err, variant + " half-sweep " + half);
        assertTrue(err <= SWEEP_TOL, variant + " half-sweep " + half + ": CG and Cholesky differ by "
            + err);
      }
    }
  }
}
