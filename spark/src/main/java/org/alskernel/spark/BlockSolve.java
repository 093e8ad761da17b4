package org.alskernel.spark;

import java.util.function.Predicate;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.sweep.BlockSweep;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.ExplicitWeights;
import org.apache.spark.TaskContext;

/**
 * What a task does with one block: its partial Gram sum, and the solve of its rows by one call of
 * the kernel's {@link BlockSweep}. Factor rows travel as dense floats, {@link SolveSettings#width}
 * per row, and the Gram matrix as its stored {@link SolveSettings#gramWidth} square; both are laid
 * out in the padded stride of the executor's own kernels only here, so executors on different CPUs
 * can work on one fit.
 */
final class BlockSolve {
  /** Blocks with fewer rows solve without cache-line-aligned scratch, which pays off only for many. */
  private static final int ALIGNED_ROWS = 1024;

  /**
   * When set, the tasks it accepts fail before solving: how a test makes Spark recompute a task
   * (local mode runs tasks in the test's JVM). Null in normal use.
   */
  static volatile Predicate<TaskContext> failWhen;

  private BlockSolve() {}

  /** The Gram sum of one block's factor rows (with the bias and constant columns when biased). */
  static float[] partialGram(float[] rows, SolveSettings s) {
    Factors f = toFactors(rows, s, Factors.stride(s.rank(), s.biased()));
    float[] padded = Gram.of(f, TaskThreads.runner());
    int w = s.gramWidth();
    float[] compact = new float[w * w];
    for (int r = 0; r < w; r++) {
      System.arraycopy(padded, r * f.stride, compact, r * w, w);
    }
    return compact;
  }

  /**
   * The new factors of one block's rows.
   *
   * @param side "user" or "item": the side being solved, for messages
   * @param current the block's current rows (where conjugate gradient starts)
   * @param gram the other side's whole Gram matrix ({@link #partialGram} summed), null for the
   *     explicit variants
   * @param mean μ of the explicit biased variant, else 0
   * @param otherRows the other side's number of rows, which frequency scaling counts
   */
  static float[] solve(String side, InBlock block, Iterable<Shipped> received, float[] current,
      float[] gram, float mean, long otherRows, SolveSettings s) {
    Predicate<TaskContext> fault = failWhen;
    if (fault != null && fault.test(TaskContext.get())) {
      throw new IllegalStateException("a failure injected by a test");
    }
    Equation equation = s.equation();
    int k = s.rank();
    int kp = Factors.stride(k, s.biased());
    Factors other = new Factors(block.columns, k, kp, s.biased());
    int width = s.width();
    for (Shipped shipped : received) {
      int[] columns = block.columnOf[shipped.from()];
      for (int i = 0; i < columns.length; i++) {
        System.arraycopy(shipped.rows(), i * width, other.data, other.rowStart(columns[i]), width);
      }
    }
    float[] paddedGram = null;
    float[] gramRhs = null;
    if (gram != null) {
      int w = s.gramWidth();
      paddedGram = new float[kp * kp];
      for (int r = 0; r < w; r++) {
        System.arraycopy(gram, r * w, paddedGram, r * kp, w);
      }
      gramRhs = AugmentedGram.augmentInPlace(paddedGram, other);
    }
    RowTerms terms = equation.rowTerms(side,
        equation.variant().isExplicit() ? ExplicitWeights.uniform(mean) : null,
        (int) Math.min(Integer.MAX_VALUE, otherRows));
    int rows = block.ids.length;
    Factors start = toFactors(current, s, kp);
    Factors out = new Factors(rows, k, kp, s.biased());
    new BlockSweep(TaskThreads.runner(), s.solver(), s.cgSteps(), kp, rows >= ALIGNED_ROWS)
        .solve(new RowProblem(terms, block.matrix(), null, paddedGram, gramRhs, other), start, out,
            () -> false);
    float[] solved = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(out.data, out.rowStart(r), solved, r * width, width);
    }
    return solved;
  }

  /** Dense rows ({@link SolveSettings#width} floats each) in the kernel's layout of stride kp. */
  private static Factors toFactors(float[] rows, SolveSettings s, int kp) {
    int width = s.width();
    Factors f = new Factors(rows.length / width, s.rank(), kp, s.biased());
    for (int r = 0; r < f.rows; r++) {
      System.arraycopy(rows, r * width, f.data, f.rowStart(r), width);
    }
    return f;
  }
}
