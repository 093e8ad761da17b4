package org.alskernel.validation;

import static org.alskernel.validation.RowSystemTest.BACKWARD_TOL;
import static org.alskernel.validation.RowSystemTest.BUILD_TOL;
import static org.alskernel.validation.RowSystemTest.FORWARD_FACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.sweep.Confidence;
import org.alskernel.validation.ReferenceImplicitAls.NormalSystem;
import org.alskernel.validation.ReferenceImplicitAls.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-row checks of every variant's normal equations: NormalEquations.build configured as explicit
 * (β = 0, per-row λ, weights, target shift) or biased (augmented vectors from the biased Factors
 * layout, AugmentedGram for implicit) against ReferenceExplicitAls / ReferenceBiasedImplicitAls, for
 * both kernels and both sides. The tolerances are RowSystemTest's (docs/math.md, "Tolerances of the
 * variants"): the same float sums over at most n + row-length terms, and the same Cholesky.
 */
class VariantRowSystemTest {
  /** The row problem of {@code rows} with the given terms and λ for every row (no count scaling). */
  static RowProblem problem(float beta, float lambda, EntryWeights weights, CsrMatrix rows,
      float[] gram, float[] rhs, Factors other) {
    return new RowProblem(new RowTerms("test", beta, lambda, false, weights), rows, null, gram, rhs,
        other);
  }

  static final int USERS = 12;
  static final int ITEMS = 70;

  private static final Fixtures.Report REPORT = new Fixtures.Report("VariantRowSystemTest measured errors");
  private static final double[] WORST = new double[4]; // build, backward, forward/bound, scalar-vs-vector

  @AfterAll
  static void report() {
    REPORT.add(String.format("worst: build %.3g, backward %.3g, forward/bound %.3g, ops %.3g",
        WORST[0], WORST[1], WORST[2], WORST[3]));
    REPORT.print();
  }

  private static synchronized void worst(int i, double v, String where) {
    if (v > WORST[i]) {
      WORST[i] = v;
      REPORT.add(String.format("new worst[%d] %.3g at %s", i, v, where));
    }
  }

  /** One row's kernel output. */
  record KernelRow(double[] upperA, double[] b, double[] x, int pivot) {}

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17, 64})
  void explicitRowsMatchReference(int k) {
    CsrMatrix r = Fixtures.adversarial(USERS, ITEMS, 0.3, 5f, 3000 + k);
    CsrMatrix perEntry = VariantCases.perEntryWeights(r, 77);
    float mean = (float) ReferenceExplicitAls.meanOf(r);
    for (VariantCases.Explicit c : VariantCases.explicitCases()) {
      ReferenceExplicitAls ref = c.reference(r, perEntry, k, mean);
      double[] dense = c.denseWeights(r, perEntry);
      for (Side side : Side.values()) {
        CsrMatrix rows = side == Side.USER ? r : r.transpose();
        int others = ref.others(side);
        float[] latent = Fixtures.gaussian(others, k, 0.1, 11 * k + side.ordinal());
        float[] bias = c.biased() ? Fixtures.gaussian(others, 1, 0.5, 13 * k) : null;
        double[] otherD = c.biased() ? VariantCases.augment(latent, bias, k)
            : ReferenceImplicitAls.toDouble(latent);
        EntryWeights w = VariantCases.explicitWeights(dense, ITEMS, side == Side.USER,
            c.biased() ? mean : 0f);
        for (int row = 0; row < rows.rows(); row++) {
          if (rows.rowLength(row) == 0) {
            continue; // not a system: the sweep writes zeros (SessionVsReference-style tests cover it)
          }
          int rowNo = row;
          NormalSystem sys = ref.buildSystem(side, row, otherD);
          float lambdaRow = (float) ref.rowLambda(side, row);
          compare(c.name() + " " + side.label() + " row " + row + " k=" + k, sys,
              ref.absoluteRhs(side, row, otherD), rows.rowLength(row),
              ops -> kernelRow(ops, rows, rowNo, latent, bias, k, w, false, lambdaRow));
        }
      }
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 16, 17, 64})
  void biasedImplicitRowsMatchReference(int k) {
    CsrMatrix r = Fixtures.adversarial(USERS, ITEMS, 0.3, 1e3f, 4000 + k);
    for (Confidence conf : Confidence.values()) {
      ReferenceImplicitAls base = ReferenceImplicitAls.fromCsr(r, k, VariantCases.LAMBDA, 2, conf, 1);
      ReferenceBiasedImplicitAls ref = new ReferenceBiasedImplicitAls(base);
      EntryWeights w = Fixtures.implicitWeights(conf, 2f, 1f);
      for (Side side : Side.values()) {
        CsrMatrix rows = side == Side.USER ? r : r.transpose();
        int others = base.others(side);
        float[] latent = Fixtures.gaussian(others, k, 0.1, 17 * k + side.ordinal());
        float[] bias = Fixtures.gaussian(others, 1, 0.3, 19 * k);
        double[] otherD = VariantCases.augment(latent, bias, k);
        for (int row = 0; row < rows.rows(); row++) {
          int rowNo = row;
          compare("biased implicit " + conf + " " + side.label() + " row " + row + " k=" + k,
              ref.buildSystem(side, row, otherD), ref.absoluteRhs(side, row, otherD), others,
              ops -> kernelRow(ops, rows, rowNo, latent, bias, k, w, true, VariantCases.LAMBDA));
        }
      }
    }
  }

  private static void compare(String where, NormalSystem sys, double[] bAbs, int terms,
      java.util.function.Function<VectorOps, KernelRow> kernel) {
    double[] xref = ReferenceImplicitAls.solve(sys, Side.USER, 0, 0);
    double[] eig = RowSystemTest.eigenvalues(sys);
    List<KernelRow> outs = new ArrayList<>();
    for (VectorOps ops : Fixtures.allOps()) {
      KernelRow kr = kernel.apply(ops);
      outs.add(kr);
      String at = ops.name() + " " + where;
      assertEquals(-1, kr.pivot(), at + ": kernel Cholesky failed on an SPD system");
      double[] aref = RowSystemTest.upper(sys);
      double errA = RowSystemTest.maxAbsDiff(kr.upperA(), aref) / RowSystemTest.maxAbs(aref);
      double maxB = RowSystemTest.maxAbs(bAbs);
      double errB = maxB == 0 ? RowSystemTest.maxAbs(kr.b()) : RowSystemTest.maxAbsDiff(kr.b(), sys.b()) / maxB;
      worst(0, Math.max(errA, errB), at);
      assertTrue(errA <= BUILD_TOL, at + ": A relative error " + errA);
      assertTrue(errB <= BUILD_TOL, at + ": b relative error " + errB);
      double backward = RowSystemTest.backwardError(sys, bAbs, kr.x());
      worst(1, backward, at);
      assertTrue(backward <= BACKWARD_TOL, at + ": backward error " + backward);
      double bound = (terms + sys.k()) * Fixtures.U
          * (RowSystemTest.norm(bAbs) + eig[eig.length - 1] * RowSystemTest.norm(xref)) / eig[0];
      double forward = RowSystemTest.norm(RowSystemTest.diff(kr.x(), xref));
      if (bound > 0) {
        worst(2, forward / bound, at + " kappa " + eig[eig.length - 1] / eig[0]);
      }
      assertTrue(forward <= FORWARD_FACTOR * bound, at + ": forward error " + forward + " > "
          + FORWARD_FACTOR + "·" + bound);
    }
    double agree = RowSystemTest.maxAbsDiff(outs.get(0).upperA(), outs.get(1).upperA())
        / RowSystemTest.maxAbs(RowSystemTest.upper(sys));
    worst(3, agree, where);
    assertTrue(agree <= RowSystemTest.OPS_AGREE_TOL, where + ": scalar vs vector A differ by " + agree);
  }

  /**
   * The kernel's system for one row: biased when {@code bias} is given (the biased Factors layout),
   * implicit (β = 1 on the Gram matrix, augmented when biased) or explicit (β = 0).
   */
  static KernelRow kernelRow(VectorOps ops, CsrMatrix rows, int row, float[] latent, float[] bias,
      int k, EntryWeights weights, boolean implicit, float lambda) {
    boolean biased = bias != null;
    int kp = ops.paddedStride(biased ? k + 2 : k);
    Factors other = new Factors(latent.length / k, k, kp, biased);
    other.setFromDense(latent);
    if (biased) {
      other.setBiases(bias);
    }
    float[] gram = null;
    float[] rhs = null;
    if (implicit) {
      gram = Gram.of(ops, other, new ParallelRunner(null));
      if (biased) {
        float[] stored = gram;
        gram = new float[kp * kp];
        rhs = new float[kp];
        AugmentedGram.fromStored(stored, k, kp, gram, rhs);
      }
    }
    RowWorkspace ws = new RowWorkspace(kp);
    NormalEquations.build(ops, problem(implicit ? 1f : 0f, lambda, weights, rows, gram, rhs, other),
        row, ws);
    int d = other.unknowns();
    double[] upperA = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        upperA[i * d + j] = ws.a[i * kp + j];
      }
      for (int j = d; j < kp; j++) {
        assertEquals(0f, ws.a[i * kp + j], "A past the unknowns must stay zero");
      }
    }
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = ws.b[i];
    }
    for (int i = d; i < kp; i++) {
      assertEquals(0f, ws.b[i], "b past the unknowns must stay zero");
    }
    int pivot = Cholesky.factor(ops, ws.a, d, kp, ws.choleskyScratch);
    double[] x = new double[d];
    if (pivot < 0) {
      Cholesky.solve(ops, ws.a, d, kp, ws.b);
      for (int i = 0; i < d; i++) {
        x[i] = ws.b[i];
      }
    }
    return new KernelRow(upperA, b, x, pivot);
  }
}
