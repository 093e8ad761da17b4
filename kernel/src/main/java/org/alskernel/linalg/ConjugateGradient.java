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
 * <p>Unbiased neighbours' rows are read in place, by index. Biased ones are gathered into their
 * augmented form ({@link NeighbourRows}): once for a row of at most {@link RowWorkspace#BATCH}
 * neighbours, else slice by slice for every product; the terms (w_j, t_j) are likewise made once or
 * per slice. Each step is a fixed sequence of kernel calls, so the result depends only on the row's
 * inputs (not on threads or the order rows are solved in).
 */
public final class ConjugateGradient {
  /**
   * Below this squared residual norm a row counts as solved: another step would divide by almost 0.
   * (The value the {@code implicit} library uses; residuals of real systems are far above it.)
   */
  static final float CONVERGED = 1e-20f;

  /**
   * Neighbours per product slice. (Slices of 128, the terms' batch, made the 5M matrix's item side
   * about 15% slower: the combination's second read of a slice's scattered rows missed L1.)
   */
  private static final int SLICE = 32;

  private final VectorOps ops;
  private final RowWorkspace ws;
  // The row being solved: its neighbours, where their factor rows are read, how their terms are made.
  private Factors other;
  private int row;
  private int[] indices;
  private float[] values;
  private int from;
  private int to;
  private EntryWeights weights;

  /** A solver for one worker, using (and overwriting) the scratch of {@code ws}. */
  public ConjugateGradient(VectorOps ops, RowWorkspace ws) {
    this.ops = ops;
    this.ws = ws;
  }

  /** The iterate after {@link #solve}: the row's solution in [0, d), zero beyond. */
  public float[] solution() {
    return ws.x;
  }

  /**
   * Runs up to {@code steps} CG steps on block row {@code u} of {@code problem} from {@code
   * start[startOffset .. +d)}, d = {@code problem.unknowns()}, leaving the iterate in {@link
   * #solution()}. The shared matrix G must be full symmetric (not only its upper triangle).
   *
   * @return the number of steps taken: fewer than {@code steps} when the residual vanished first
   */
  public int solve(RowProblem problem, int u, int steps, float[] start, int startOffset) {
    this.other = problem.other;
    this.row = problem.id(u);
    this.indices = problem.rows.indices();
    this.values = problem.rows.values();
    this.from = problem.rows.indptr()[u];
    this.to = problem.rows.indptr()[u + 1];
    this.weights = problem.terms.weights();
    float[] gram = problem.gram;
    float[] gramRhs = problem.gramRhs;
    float beta = problem.terms.beta();
    float lambda = problem.lambda(u);
    int kp = ws.kp;
    int d = other.unknowns();
    float[] x = ws.x;
    float[] r = ws.residual;
    float[] p = ws.direction;
    float[] ap = ws.product;
    if (fitsOnce() && to > from) {
      prepare(from, to - from);
    }
    boolean shared = problem.shared();
    Arrays.fill(x, 0f);
    System.arraycopy(start, startOffset, x, 0, d);

    // r = b − A·x = β·(g − G·x) − λ·x + Σ_j (t_j − w_j·(y_j·x))·y_j
    Arrays.fill(r, 0f);
    if (shared) {
      gramTimes(gram, -beta, x, d, r);
      if (gramRhs != null) {
        ops.axpy(beta, gramRhs, 0, r, 0, kp);
      }
    }
    ops.axpy(-lambda, x, 0, r, 0, d);
    addNeighbourTerms(true, x, r);

    System.arraycopy(r, 0, p, 0, kp);
    float rr = ops.dot(r, 0, r, 0, kp);
    int step = 0;
    for (; step < steps && rr > CONVERGED; step++) {
      // Ap = β·G·p + λ·p + Σ_j w_j·(y_j·p)·y_j
      Arrays.fill(ap, 0f);
      if (shared) {
        gramTimes(gram, beta, p, d, ap);
      }
      ops.axpy(lambda, p, 0, ap, 0, d);
      addNeighbourTerms(false, p, ap);
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
  private void gramTimes(float[] gram, float s, float[] v, int d, float[] acc) {
    float[] coef = v;
    if (s != 1f) {
      coef = ws.scaled;
      for (int i = 0; i < d; i++) {
        coef[i] = s * v[i];
      }
    }
    ops.addRowCombination(gram, 0, ws.identity, 0, d, ws.kp, coef, acc);
  }

  /**
   * acc += Σ_j w_j·(y_j·v)·y_j, or for the residual acc += Σ_j (t_j − w_j·(y_j·v))·y_j, over the
   * neighbours in batches of at most {@link RowWorkspace#BATCH}.
   */
  private void addNeighbourTerms(boolean residual, float[] v, float[] acc) {
    int kp = ws.kp;
    boolean inPlace = readInPlace();
    float[] data = inPlace ? other.data : ws.rows;
    int base = inPlace ? other.offset : ws.packedAt;
    int[] rows = inPlace ? indices : ws.identity;
    for (int start = from; start < to; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, to - start);
      if (!fitsOnce()) {
        prepare(start, n);
      }
      // Dots, then the combination, per slice small enough that the second read of each
      // neighbour's row hits L1.
      for (int s = 0; s < n; s += SLICE) {
        int m = Math.min(SLICE, n - s);
        int first = inPlace ? start + s : s;
        ops.rowDots(data, base, rows, first, m, kp, v, ws.dots);
        for (int j = 0; j < m; j++) {
          float wd = ws.w[s + j] * ws.dots[j];
          ws.coef[j] = residual ? ws.t[s + j] - wd : wd;
        }
        ops.addRowCombination(data, base, rows, first, m, kp, ws.coef, acc);
      }
    }
  }

  /** Whether the terms (and gathered rows) of all the row's neighbours fit at once. */
  private boolean fitsOnce() {
    return to - from <= RowWorkspace.BATCH;
  }

  /** Makes the terms of entries [start, start + n), and gathers their rows unless read in place. */
  private void prepare(int start, int n) {
    if (readInPlace()) {
      weights.compute(row, indices, values, start, n, ws.w, ws.t);
    } else {
      NeighbourRows.gather(other, row, indices, values, start, n, weights, ws);
    }
  }

  /**
   * Whether the neighbours' rows are read where they are stored: always for an unbiased other side
   * (gathering the rows of short rows once, so that the products read L1, measured 5% slower on the
   * 5M matrix's user side than reading the scattered rows four times); biased rows must be gathered
   * to be augmented.
   */
  private boolean readInPlace() {
    return !other.biased;
  }
}
