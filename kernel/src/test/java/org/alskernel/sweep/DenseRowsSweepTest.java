package org.alskernel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.DenseRows;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.model.VariantModelsTest;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conjugate gradient's dense rows, solved in groups that walk the other side block by block, with
 * thresholds small enough that a small matrix has many of them and its blocks are a few rows: a
 * row's bits do not depend on the group it was solved in or on the number of threads, and they are
 * those of the same CG steps taken row by row up to rounding.
 */
class DenseRowsSweepTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(3);
  /** Users with 2–16 of 70 items: items have about 19 of 150 users. */
  private static final CsrMatrix R = VariantModelsTest.ratings(23, 150, 70);

  /**
   * Relative difference allowed between the grouped and the row-by-row half-sweep: the same three
   * CG steps, whose neighbour sums are cut into other slices, so they differ by rounding, a few
   * float ulps per sum carried through three steps. Measured ≤ 8.3e-7 (biased users).
   */
  private static final double ROUNDING_TOL = 1e-5;

  @AfterAll
  static void shutdown() {
    POOL.shutdown();
  }

  static Stream<AlsConfig.Builder> configs() {
    return Stream.of(
        AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f).conjugateGradient(3),
        // biased neighbours are gathered slice by slice
        AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f)
            .variant(AlsVariant.IMPLICIT_BIASED).conjugateGradient(3),
        // no shared Gram
        AlsConfig.builder().factors(9).lambda(0.05f).initScale(0.1f).variant(AlsVariant.EXPLICIT)
            .conjugateGradient(3));
  }

  @ParameterizedTest
  @MethodSource("configs")
  void groupsAndThreadsDoNotChangeARowsBits(AlsConfig.Builder builder) {
    AlsConfig config = builder.threads(1).build();
    try (AlsSession session = new AlsSession(R, config)) {
      session.iterate();
      SessionSides sides = new SessionSides(session, config, R);
      Factors items = sides.items();
      Factors users = sides.users();
      RowProblem userRows = problem(config, R, "user", sides.userWeights(), items);
      RowProblem itemRows = problem(config, R.transpose(), "item", sides.itemWeights(), users);
      for (RowProblem problem : new RowProblem[] {userRows, itemRows}) {
        Factors current = problem == userRows ? users : items;
        int stride = problem.other.stride;
        DenseRows small = new DenseRows(0, 3 * 4 * stride, 8, 5);
        int dense = 0;
        for (int r = 0; r < problem.rows.rows(); r++) {
          dense += small.includes(problem, r) ? 1 : 0;
        }
        assertTrue(dense > 10 && dense < problem.rows.rows() - 10,
            dense + " dense rows of " + problem.rows.rows() + ": the test needs both kinds");

        Factors expected = solve(problem, current, config, 1, small);
        for (DenseRows other : new DenseRows[] {new DenseRows(0, 3 * 4 * stride, 8, 1),
            new DenseRows(0, 3 * 4 * stride, 8, 64)}) {
          for (int threads : new int[] {1, 3}) {
            assertSameBits(expected, solve(problem, current, config, threads, other),
                config.variant() + ", groups of " + other.group() + ", " + threads + " threads");
          }
        }

        Factors rowByRow = solve(problem, current, config, 1,
            new DenseRows(Integer.MAX_VALUE, 1, 1, 1));
        double diff = relativeDifference(expected, rowByRow);
        assertTrue(diff <= ROUNDING_TOL, config.variant() + ": grouped and row by row differ by "
            + diff);
      }
    }
  }

  private static Factors solve(RowProblem problem, Factors current, AlsConfig config, int threads,
      DenseRows dense) {
    ParallelRunner runner = new ParallelRunner(threads == 1 ? null : POOL);
    int stride = problem.other.stride;
    BlockSweep sweep = new BlockSweep(runner, Solver.CONJUGATE_GRADIENT, config.cgSteps(),
        w -> new ConjugateGradientRowSolver(VectorOpsProvider.get(), new RowWorkspace(stride, true),
            config.cgSteps(), dense));
    Factors out = new Factors(problem.rows.rows(), current.k, current.stride, current.biased);
    sweep.solve(problem, current, out, () -> false);
    return out;
  }

  private static RowProblem problem(AlsConfig config, CsrMatrix rows, String side,
      EntryWeights explicitWeights, Factors other) {
    float[] gram = null;
    float[] rhs = null;
    if (!config.variant().isExplicit()) {
      gram = Gram.of(VectorOpsProvider.get(), other, new ParallelRunner(null));
      rhs = AugmentedGram.augmentInPlace(gram, other);
    }
    RowTerms terms = config.equation().rowTerms(side, explicitWeights, other.rows);
    return new RowProblem(terms, rows, null, gram, rhs, other);
  }

  private static void assertSameBits(Factors expected, Factors actual, String what) {
    for (int r = 0; r < expected.rows; r++) {
      for (int f = 0; f < expected.unknowns(); f++) {
        assertEquals(Float.floatToRawIntBits(expected.data[expected.rowStart(r) + f]),
            Float.floatToRawIntBits(actual.data[actual.rowStart(r) + f]),
            what + ": row " + r + ", unknown " + f);
      }
    }
  }

  private static double relativeDifference(Factors a, Factors b) {
    double num = 0;
    double den = 0;
    for (int r = 0; r < a.rows; r++) {
      for (int f = 0; f < a.unknowns(); f++) {
        double d = a.data[a.rowStart(r) + f] - b.data[b.rowStart(r) + f];
        num += d * d;
        den += (double) b.data[b.rowStart(r) + f] * b.data[b.rowStart(r) + f];
      }
    }
    return Math.sqrt(num / den);
  }
}
