package org.alskernel.sweep;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;

/**
 * Solves a block of rows against the other side's fixed factors: what one half-sweep does, for any
 * set of rows. The in-process trainer gives it each whole side as one block; fold-in gives it one
 * row; a distributed engine gives it each partition's rows (a CSR slice, with the side's row ids so
 * that weights and messages see the right rows) and the Gram terms it aggregated.
 *
 * <pre>{@code
 * BlockSweep sweep = new BlockSweep(runner, Solver.CHOLESKY, 1, kp, true);
 * sweep.solve(new RowProblem(terms, slice, rowIds, gram, gramRhs, items), current, out, () -> false);
 * }</pre>
 *
 * <p>Rows are independent, and each is solved by a fixed sequence of kernel calls that reads only its
 * own inputs, so a row's solution is the same bit for bit whatever the number of threads, the order of
 * the chunks, or the block it was solved in ({@code BlockSweepTest}). The block's rows are cut into
 * contiguous chunks of about equal work (a row costs the solver's {@code costPerRow} plus {@code
 * costPerEntry} per entry, in k² flops; popularity is power-law, so equal row counts would give
 * unequal work); workers take chunks from a shared counter, each with its own {@link RowWorkspace}
 * and {@link RowSolver}.
 */
public final class BlockSweep {
  private static final int CHUNKS_PER_WORKER = 16;

  private final ParallelRunner runner;
  private final Solver solver;
  private final int steps;
  private final RowSolver[] solvers;
  /**
   * The chunks of the last two blocks' rows (a trainer's two sides), kept while the same rows come
   * again: every sweep.
   */
  private final CsrMatrix[] chunkedRows = new CsrMatrix[2];
  private final int[] chunkedK = new int[2];
  private final int[][] chunkStart = new int[2][];

  /**
   * A sweep with the kernels {@link VectorOpsProvider#get()} chose for this JVM; see {@link
   * #BlockSweep(VectorOps, ParallelRunner, Solver, int, int, boolean)}.
   */
  public BlockSweep(ParallelRunner runner, Solver solver, int steps, int kp, boolean aligned) {
    this(VectorOpsProvider.get(), runner, solver, steps, kp, aligned);
  }

  /**
   * @param steps iterations per row of an iterative solver (≥ 1)
   * @param kp the padded stride of the factors this sweep will see
   * @param aligned whether each worker's scratch sits on cache lines ({@link RowWorkspace}): worth it
   *     for a sweep over many rows, not for one row; the results are the same
   */
  @SuppressWarnings("exports") // VectorOps is internal
  public BlockSweep(VectorOps ops, ParallelRunner runner, Solver solver, int steps, int kp,
      boolean aligned) {
    this(runner, solver, steps, worker -> solver.create(ops, new RowWorkspace(kp, aligned), steps,
        aligned));
  }

  /** A sweep whose workers' row solvers {@code rowSolver} makes (tests try other settings). */
  BlockSweep(ParallelRunner runner, Solver solver, int steps, IntFunction<RowSolver> rowSolver) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
    }
    this.runner = runner;
    this.solver = solver;
    this.steps = steps;
    this.solvers = new RowSolver[runner.workers()];
    for (int w = 0; w < solvers.length; w++) {
      solvers[w] = rowSolver.apply(w);
    }
  }

  /** Cuts rows into about {@code chunks} contiguous runs of equal cost perRow + perEntry·n. */
  static int[] chunkBoundaries(CsrMatrix m, double perRow, double perEntry, int chunks) {
    int[] indptr = m.indptr();
    double total = perEntry * m.nnz() + perRow * m.rows();
    double target = total / Math.max(1, chunks);
    int[] bounds = new int[Math.min(chunks, Math.max(1, m.rows())) + 1];
    int count = 1;
    double acc = 0;
    for (int r = 0; r < m.rows() && count < bounds.length - 1; r++) {
      acc += perEntry * (indptr[r + 1] - indptr[r]) + perRow;
      if (acc >= target * count) {
        bounds[count++] = r + 1;
      }
    }
    bounds[count] = m.rows();
    return Arrays.copyOf(bounds, count + 1);
  }

  /**
   * Writes the solution of every row of {@code problem} into {@code out} (block row r at {@code
   * out.rowStart(r)}). An empty row whose system is λ·I x = 0 gets 0 without a solve; only the
   * unknowns are written, so a biased row keeps its constant column at 1.
   *
   * @param current the block's current solutions, where an iterative solver starts (may be {@code
   *     out} itself); rows as in {@code out}
   * @param out as many rows as the block, biased when {@code problem.other} is
   * @param cancelled polled between chunks; when it turns true the sweep stops and throws
   * @throws NotPositiveDefiniteException naming the side, the row and λ
   * @throws CancellationException when cancelled ({@code out} is then partly written)
   */
  public void solve(RowProblem problem, Factors current, Factors out, BooleanSupplier cancelled) {
    if (out.rows < problem.rows.rows() || current.rows < problem.rows.rows()) {
      throw new IllegalArgumentException("a block of " + problem.rows.rows() + " rows cannot be"
          + " written to " + out.rows + " factor rows");
    }
    int[] bounds = chunks(problem.rows, problem.other.k);
    AtomicInteger next = new AtomicInteger();
    int chunks = bounds.length - 1;
    runner.run(solvers.length, worker -> {
      RowSolver rowSolver = solvers[worker];
      rowSolver.reset(); // a previous sweep may have stopped half-way through a batch
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("training was cancelled");
        }
        for (int r = bounds[c]; r < bounds[c + 1]; r++) {
          if (problem.solvesToZero(r)) {
            int offset = out.rowStart(r);
            Arrays.fill(out.data, offset, offset + out.unknowns(), 0f);
          } else if (!rowSolver.grouped(problem, r)) {
            rowSolver.solve(problem, r, current, out);
          }
        }
        rowSolver.finish(problem, out);
      }
    });
    solveGroups(problem, current, out, cancelled);
  }

  /** The rows the solvers solve in groups ({@link RowSolver#grouped}): a group per task. */
  private void solveGroups(RowProblem problem, Factors current, Factors out,
      BooleanSupplier cancelled) {
    int[] rows = groupedRows(problem);
    int size = solvers[0].groupSize();
    int groups = (rows.length + size - 1) / size;
    if (groups == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    runner.run(Math.min(solvers.length, groups), worker -> {
      RowSolver rowSolver = solvers[worker];
      for (int g = next.getAndIncrement(); g < groups; g = next.getAndIncrement()) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("training was cancelled");
        }
        for (int i = g * size; i < Math.min(rows.length, (g + 1) * size); i++) {
          rowSolver.solve(problem, rows[i], current, out);
        }
        rowSolver.finish(problem, out);
      }
    });
  }

  private int[] groupedRows(RowProblem problem) {
    RowSolver first = solvers[0];
    int[] rows = new int[16];
    int count = 0;
    for (int r = 0; r < problem.rows.rows(); r++) {
      if (!problem.solvesToZero(r) && first.grouped(problem, r)) {
        if (count == rows.length) {
          rows = Arrays.copyOf(rows, 2 * count);
        }
        rows[count++] = r;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  private int[] chunks(CsrMatrix rows, int k) {
    for (int slot = 0; slot < 2; slot++) {
      if (chunkedRows[slot] == rows && chunkedK[slot] == k) {
        return chunkStart[slot];
      }
    }
    int chunks = runner.workers() == 1 ? 1 : runner.workers() * CHUNKS_PER_WORKER;
    int[] bounds = chunkBoundaries(rows, solver.costPerRow(k, steps),
        solver.costPerEntry(k, steps), chunks);
    chunkedRows[1] = chunkedRows[0];
    chunkedK[1] = chunkedK[0];
    chunkStart[1] = chunkStart[0];
    chunkedRows[0] = rows;
    chunkedK[0] = k;
    chunkStart[0] = bounds;
    return bounds;
  }
}
