package org.alskernel.linalg;

import java.util.Arrays;
import org.alskernel.simd.VectorOps;

/**
 * Solves one row's normal equations approximately by conjugate gradient without forming A (Takács,
 * Pilászy &amp; Tikk 2011, docs/math.md "Conjugate gradient"). The system is the one {@link
 * NormalEquations} builds, used only through products:
 *
 * <pre>  A·v = β·G·v + λ_u·v + Σ_j w_j·(y_j·v)·y_j        b = β·g + Σ_j t_j·y_j</pre>
 *
 * A product costs about 2·d·kp + 4·n·kp flops (d unknowns, n neighbours) where building A costs
 * 2·n·k² and factoring it k³/3. Started from the row's previous solution, a few steps per sweep track
 * the exact solution closely; with d steps in exact arithmetic CG reaches it.
 *
 * <p>A row with at most {@link RowWorkspace#BATCH} neighbours is gathered once; a longer one is
 * gathered again, slice by slice, for every product. Each step is a fixed sequence of kernel calls, so
 * the result depends only on the row's inputs (not on threads or the order rows are solved in).
 */
public final class ConjugateGradient {
  /**
   * Below this squared residual norm a row counts as solved: another step would divide by almost 0.
   * (The value the {@code implicit} library uses; residuals of real systems are far above it.)
   */
  static final float CONVERGED = 1e-20f;

  private ConjugateGradient() {}

  /**
   * Runs up to {@code steps} CG steps from {@code start[startOffset .. +d)}, d = {@code
   * other.unknowns()}, leaving the iterate in {@code ws.x[0..d)} (zero beyond).
   *
   * @param gram the shared matrix G (full symmetric, kp×kp, zero outside the leading d×d block), or
   *     null when β = 0
   * @param gramRhs the shared vector g, or null for none
   * @return the number of steps taken: fewer than {@code steps} when the residual vanished first
   */
  public static int solve(VectorOps ops, float[] gram, float[] gramRhs, float beta, float lambda,
      Factors other, int row, int[] indices, float[] values, int from, int to, EntryWeights weights,
      int steps, float[] start, int startOffset, RowWorkspace ws) {
    int kp = ws.kp;
    int d = other.unknowns();
    float[] x = ws.x;
    float[] r = ws.residual;
    float[] p = ws.direction;
    float[] ap = ws.product;
    boolean gatherOnce = to - from <= RowWorkspace.BATCH;
    if (gatherOnce && to > from) {
      NeighbourRows.gather(other, row, indices, values, from, to - from, weights, ws);
    }
    boolean shared = gram != null && beta != 0f;
    Arrays.fill(x, 0f);
    System.arraycopy(start, startOffset, x, 0, d);

    // r = b − A·x = β·(g − G·x) − λ·x + Σ_j (t_j − w_j·(y_j·x))·y_j
    Arrays.fill(r, 0f);
    if (shared) {
      gramTimes(ops, gram, -beta, x, d, r, ws);
      if (gramRhs != null) {
        ops.axpy(beta, gramRhs, 0, r, 0, kp);
      }
    }
    ops.axpy(-lambda, x, 0, r, 0, d);
    addNeighbourTerms(ops, true, x, r, other, row, indices, values, from, to, weights, gatherOnce, ws);

    System.arraycopy(r, 0, p, 0, kp);
    float rr = ops.dot(r, 0, r, 0, kp);
    int step = 0;
    for (; step < steps && rr > CONVERGED; step++) {
      // Ap = β·G·p + λ·p + Σ_j w_j·(y_j·p)·y_j
      Arrays.fill(ap, 0f);
      if (shared) {
        gramTimes(ops, gram, beta, p, d, ap, ws);
      }
      ops.axpy(lambda, p, 0, ap, 0, d);
      addNeighbourTerms(ops, false, p, ap, other, row, indices, values, from, to, weights, gatherOnce,
          ws);
      float pap = ops.dot(p, 0, ap, 0, kp);
      if (!(pap > 0f) || !Float.isFinite(pap)) {
        break; // p lies (numerically) in A's null space: no descent left along it
      }
      float alpha = rr / pap;
      ops.axpy(alpha, p, 0, x, 0, kp);
      ops.axpy(-alpha, ap, 0, r, 0, kp);
      float rrNext = ops.dot(r, 0, r, 0, kp);
      float ratio = rrNext / rr;
      for (int i = 0; i < kp; i++) {
        p[i] = r[i] + ratio * p[i];
      }
      rr = rrNext;
    }
    return step;
  }

  /** acc += s·G·v, as the combination of G's rows weighted by s·v (G is symmetric). */
  private static void gramTimes(VectorOps ops, float[] gram, float s, float[] v, int d, float[] acc,
      RowWorkspace ws) {
    float[] coef = v;
    if (s != 1f) {
      coef = ws.scaled;
      for (int i = 0; i < d; i++) {
        coef[i] = s * v[i];
      }
    }
    ops.addRowCombination(gram, 0, d, ws.kp, coef, acc);
  }

  /**
   * acc += Σ_j w_j·(y_j·v)·y_j, or for the residual acc += Σ_j (t_j − w_j·(y_j·v))·y_j, over the
   * neighbours in slices of {@link RowWorkspace#BATCH}.
   */
  private static void addNeighbourTerms(VectorOps ops, boolean residual, float[] v, float[] acc,
      Factors other, int row, int[] indices, float[] values, int from, int to, EntryWeights weights,
      boolean gathered, RowWorkspace ws) {
    int kp = ws.kp;
    for (int start = from; start < to; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, to - start);
      if (!gathered) {
        NeighbourRows.gather(other, row, indices, values, start, n, weights, ws);
      }
      ops.rowDots(ws.packed, 0, n, kp, v, ws.dots);
      for (int j = 0; j < n; j++) {
        float wd = ws.w[j] * ws.dots[j];
        ws.coef[j] = residual ? ws.t[j] - wd : wd;
      }
      ops.addRowCombination(ws.packed, 0, n, kp, ws.coef, acc);
    }
  }
}
