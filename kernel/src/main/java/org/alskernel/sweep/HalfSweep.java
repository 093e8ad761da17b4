package org.alskernel.sweep;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.InterleavedBatch;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.linalg.SystemSolver;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;

/**
 * Solves every row of one side against the other side's fixed factors: build the row's normal
 * equations, factor, solve ({@link Solver#CHOLESKY}), or run a few {@link ConjugateGradient} steps
 * from the row's current solution ({@link Solver#CONJUGATE_GRADIENT}). Rows are independent, so the
 * result is the same bit for bit whatever the number of threads or the order of the chunks.
 *
 * <p>Systems are solved through a {@link SystemSolver}: for small k, {@link InterleavedBatch}es of one
 * system per vector lane, filled by consecutive rows of a chunk. Lanes are independent, so a row's
 * result does not depend on which rows share its batch.
 *
 * <p>Rows are cut into contiguous chunks of about equal work (with Cholesky a row costs about
 * 2·|N(u)|·k² to build plus k³/3 to factor, with CG about (steps + 1)·(2k + 4·|N(u)|)·k; popularity
 * is power-law, so equal row counts would give unequal work). Each worker takes chunks from a shared
 * counter and owns one {@link RowWorkspace}.
 */
public final class HalfSweep {
  private static final int CHUNKS_PER_WORKER = 16;

  private final VectorOps ops;
  private final ParallelRunner runner;
  private final CsrMatrix rows;
  private final String side;
  private final int k;
  private final float lambda;
  private final boolean lambdaScaledByCount;
  private final float beta;
  private final EntryWeights weights;
  private final Solver method;
  private final int cgSteps;
  private final RowWorkspace[] workspaces;
  private final ConjugateGradient[] conjugateGradients;
  private final SystemSolver[] solvers;
  private final int[][] batchRows;
  private final int[] chunkStart;
  private final boolean aligned;

  /**
   * @param lambdaScaledByCount λ_u = λ·|N(u)| (ALS-WR, as in Spark MLlib) instead of λ
   * @param beta weight of the shared Gram term: 1 for implicit models, 0 for explicit ones
   * @param aligned whether the workers' scratch sits on cache lines ({@link RowWorkspace}): worth it
   *     for a sweep, not for fold-in's single row; the results are the same
   */
  public HalfSweep(VectorOps ops, ParallelRunner runner, CsrMatrix rows, String side, int k, int kp,
      float lambda, boolean lambdaScaledByCount, float beta, EntryWeights weights, Solver solver,
      int cgSteps, boolean aligned) {
    this.ops = ops;
    this.runner = runner;
    this.rows = rows;
    this.side = side;
    this.k = k;
    this.lambda = lambda;
    this.lambdaScaledByCount = lambdaScaledByCount;
    this.beta = beta;
    this.weights = weights;
    this.method = solver;
    this.cgSteps = cgSteps;
    this.aligned = aligned;
    this.workspaces = new RowWorkspace[runner.workers()];
    this.solvers = new SystemSolver[workspaces.length];
    this.batchRows = new int[workspaces.length][ops.lanes()];
    this.conjugateGradients = new ConjugateGradient[workspaces.length];
    for (int w = 0; w < workspaces.length; w++) {
      workspaces[w] = new RowWorkspace(kp, aligned);
      if (solver == Solver.CONJUGATE_GRADIENT) {
        conjugateGradients[w] = new ConjugateGradient(ops, workspaces[w]);
      }
    }
    int chunks = runner.workers() == 1 ? 1 : runner.workers() * CHUNKS_PER_WORKER;
    // Row cost in units of k² flops: Cholesky builds (2 per entry) and factors (k/3 + 2 per row);
    // CG does steps + 1 products of about 2k² per row and 4k per entry.
    this.chunkStart = solver == Solver.CHOLESKY
        ? chunkBoundaries(rows, k / 3.0 + 2.0, 2.0, chunks)
        : chunkBoundaries(rows, 2.0 * (cgSteps + 1), 4.0 * (cgSteps + 1) / k, chunks);
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
   * Writes the solution of every row into {@code out}.
   *
   * @param gram the shared matrix G of the builder (used when β ≠ 0), zero outside the unknowns
   * @param gramRhs the shared right-hand side g, or null
   * @param other the other side's factors; when biased, {@code out} must be biased too
   * @param current this side's current factors, the conjugate-gradient starting point (may be {@code
   *     out} itself)
   * @param cancelled polled between chunks; when it turns true the sweep stops and throws
   * @throws NotPositiveDefiniteException naming the side, the row and λ
   * @throws CancellationException when cancelled ({@code out} is then partly written)
   */
  public void solve(float[] gram, float[] gramRhs, Factors other, Factors current, Factors out,
      BooleanSupplier cancelled) {
    AtomicInteger next = new AtomicInteger();
    int chunks = chunkStart.length - 1;
    int dim = out.unknowns();
    runner.run(workspaces.length, worker -> {
      RowWorkspace ws = workspaces[worker];
      if (method == Solver.CHOLESKY
          && (solvers[worker] == null || solvers[worker].unknowns() != dim)) {
        solvers[worker] = new SystemSolver(ops, dim, out.stride, aligned);
      }
      SystemSolver solver = solvers[worker];
      InterleavedBatch batch = solver == null ? null : solver.batch();
      if (batch != null) {
        batch.clear(); // a previous sweep may have stopped half-way through a batch
      }
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("training was cancelled");
        }
        for (int r = chunkStart[c]; r < chunkStart[c + 1]; r++) {
          if (zeroIfEmpty(r, gramRhs, out)) {
            continue;
          }
          if (method == Solver.CHOLESKY) {
            solveRowByCholesky(r, gram, gramRhs, other, out, ws, solver, batchRows[worker]);
          } else {
            solveRowByConjugateGradient(r, gram, gramRhs, other, current, out,
                conjugateGradients[worker]);
          }
        }
        if (batch != null) {
          flush(batch, batchRows[worker], out);
        }
      }
    });
  }

  /**
   * Writes 0 for an empty row and says so: its system is λ·I x = 0 unless a shared right-hand side
   * (biased implicit) adds to b, so both solvers would give exactly 0. Only the unknowns are written:
   * a biased row keeps its constant column (k + 1) at 1.
   */
  private boolean zeroIfEmpty(int r, float[] gramRhs, Factors out) {
    if (rows.rowLength(r) > 0 || (gramRhs != null && beta != 0f)) {
      return false;
    }
    int offset = out.rowStart(r);
    Arrays.fill(out.data, offset, offset + out.unknowns(), 0f);
    return true;
  }

  private void solveRowByCholesky(int r, float[] gram, float[] gramRhs, Factors other, Factors out,
      RowWorkspace ws, SystemSolver solver, int[] laneRows) {
    InterleavedBatch batch = solver.batch();
    if (batch != null) { // built straight into the next lane: no copy
      build(r, gram, gramRhs, other, ws, batch.buffer(), batch.nextSystem(), batch.buffer(),
          batch.nextRhs());
      laneRows[batch.size()] = r;
      batch.addBuilt();
      if (batch.isFull()) {
        flush(batch, laneRows, out);
      }
      return;
    }
    build(r, gram, gramRhs, other, ws, ws.a, 0, ws.b, 0);
    int pivot = solver.solveOne(ws);
    if (pivot >= 0) {
      throw notPositiveDefinite(r, pivot, out.unknowns());
    }
    System.arraycopy(ws.b, 0, out.data, out.rowStart(r), out.unknowns());
    requireFinite(out, r);
  }

  /** Row r's normal equations into a[ao ..] and b[bo ..] (NormalEquations.build). */
  private void build(int r, float[] gram, float[] gramRhs, Factors other, RowWorkspace ws, float[] a,
      int ao, float[] b, int bo) {
    NormalEquations.build(ops, gram, gramRhs, beta, lambdaOf(r), other, r, rows.indices(),
        rows.values(), rows.indptr()[r], rows.indptr()[r + 1], weights, ws, a, ao, b, bo);
  }

  private void solveRowByConjugateGradient(int r, float[] gram, float[] gramRhs, Factors other,
      Factors current, Factors out, ConjugateGradient cg) {
    cg.solve(gram, gramRhs, beta, lambdaOf(r), other, r, rows.indices(), rows.values(),
        rows.indptr()[r], rows.indptr()[r + 1], weights, cgSteps, current.data, current.rowStart(r));
    System.arraycopy(cg.solution(), 0, out.data, out.rowStart(r), out.unknowns());
    requireFinite(out, r);
  }

  /** λ_u of row r; ALS-WR counts an empty row (solved only under biased implicit ALS) as one entry. */
  private float lambdaOf(int r) {
    return lambdaScaledByCount ? lambda * Math.max(1, rows.rowLength(r)) : lambda;
  }

  /** Solves the batched rows and writes their unknowns. */
  private void flush(InterleavedBatch batch, int[] laneRows, Factors out) {
    if (batch.size() == 0) {
      return;
    }
    int failed = batch.solve();
    if (failed >= 0) {
      throw notPositiveDefinite(laneRows[failed], batch.failedPivot(failed), out.unknowns());
    }
    for (int lane = 0; lane < batch.size(); lane++) {
      batch.solution(lane, out.data, out.rowStart(laneRows[lane]));
      requireFinite(out, laneRows[lane]);
    }
    batch.clear();
  }

  private NotPositiveDefiniteException notPositiveDefinite(int r, int pivot, int dim) {
    return new NotPositiveDefiniteException(side, r, lambdaOf(r),
        "pivot " + pivot + " of " + dim + " unknowns is not positive");
  }

  private void requireFinite(Factors out, int r) {
    for (int f = 0, o = out.rowStart(r); f < out.unknowns(); f++) {
      if (!Float.isFinite(out.data[o + f])) {
        throw new NotPositiveDefiniteException(side, r, lambdaOf(r),
            "the solution has a non-finite entry " + out.data[o + f] + " at unknown " + f);
      }
    }
  }
}
