package org.alskernel.linalg;

import java.util.Arrays;
import org.alskernel.simd.VectorOps;

/**
 * Builds one row's normal equations (docs/math.md, "One builder for many models"):
 *
 * <pre>  A = β·G + Σ_j w_j·y_j y_jᵀ + λ_u·I        b = β·g + Σ_j t_j·y_j</pre>
 *
 * where j runs over the row's stored entries, y_j is the other side's factor row of entry j, (w_j, t_j)
 * come from {@link EntryWeights}, and (G, g) are terms shared by every row of the half-sweep (the
 * implicit models' Gram matrix over all neighbours, and for biased implicit ALS the bias part of b).
 * Every model of the family is a choice of β, G, g, the weights and λ_u.
 *
 * <p>When the other side is {@link Factors#biased biased}, {@link NeighbourRows} gathers the augmented
 * vectors {@code (y_j, 1)} and shifts the targets by the neighbours' biases; the system then has
 * {@code k + 1} unknowns {@code (x_u, β_u)}.
 *
 * <p>Neighbours are gathered {@link RowWorkspace#BATCH} at a time into a packed buffer (plain and
 * weighted copies) and applied with one register-blocked rank update, so the work per row allocates
 * nothing and touches only the row's neighbours.
 */
public final class NormalEquations {
  private NormalEquations() {}

  /**
   * Fills {@code ws.a} (upper triangle valid, stride kp) and {@code ws.b} with block row {@code r}'s
   * system; see {@link #build(VectorOps, RowProblem, int, RowWorkspace, float[], int, float[], int)}.
   */
  public static void build(VectorOps ops, RowProblem problem, int r, RowWorkspace ws) {
    build(ops, problem, r, ws, ws.a, 0, ws.b, 0);
  }

  /**
   * Builds block row {@code r}'s system into {@code a[ao .. ao + kp·kp)} (upper triangle valid,
   * stride kp) and {@code b[bo .. bo + kp)}, using {@code ws} for scratch ({@code problem.other.stride}
   * must equal {@code ws.kp}): with {@code problem.unknowns()} unknowns; everything outside that
   * leading block is zero.
   */
  public static void build(VectorOps ops, RowProblem problem, int r, RowWorkspace ws, float[] a,
      int ao, float[] b, int bo) {
    int kp = ws.kp;
    float beta = problem.terms.beta();
    float[] gram = problem.gram;
    if (!problem.shared()) {
      Arrays.fill(a, ao, ao + kp * kp, 0f);
    } else if (beta == 1f) {
      System.arraycopy(gram, 0, a, ao, kp * kp);
    } else {
      for (int i = 0; i < kp * kp; i++) {
        a[ao + i] = beta * gram[i];
      }
    }
    int dim = problem.unknowns();
    float lambda = problem.lambda(r);
    for (int i = 0; i < dim; i++) {
      a[ao + i * kp + i] += lambda;
    }
    if (problem.gramRhs == null || !problem.shared()) {
      Arrays.fill(b, bo, bo + kp, 0f);
    } else {
      for (int i = 0; i < kp; i++) {
        b[bo + i] = beta * problem.gramRhs[i];
      }
    }

    Factors other = problem.other;
    EntryWeights weights = problem.terms.weights();
    int row = problem.id(r);
    int[] indices = problem.rows.indices();
    float[] values = problem.rows.values();
    int from = problem.rows.indptr()[r];
    int to = problem.rows.indptr()[r + 1];
    float[] rows = ws.rows;
    int p = ws.packedAt;
    int w = ws.weightedAt;
    for (int start = from; start < to; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, to - start);
      if (other.biased) {
        // The augmented rows differ from the stored ones: gather them, then pack them in place.
        NeighbourRows.gather(other, row, indices, values, start, n, weights, ws);
        ops.packWeighted(rows, p, ws.identity, 0, n, kp, ws.w, ws.t, rows, p, rows, w, b, bo);
      } else {
        weights.compute(row, indices, values, start, n, ws.w, ws.t);
        ops.packWeighted(other.data, other.offset, indices, start, n, kp, ws.w, ws.t, rows, p, rows, w, b, bo);
      }
      ops.rankUpdate(rows, p, rows, w, n, kp, a, ao, 0);
    }
  }
}
