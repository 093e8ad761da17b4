package org.alskernel.linalg;

import java.util.Arrays;
import org.alskernel.simd.VectorOps;

/**
 * Solves rows' normal equations approximately by conjugate gradient without forming A (Takács,
 * Pilászy &amp; Tikk 2011, docs/math.md "Conjugate gradient"). The system is the one {@link
 * NormalEquations} builds, used only through products:
 *
 * <pre>  A·v = β·G·v + λ_u·v + Σ_j w_j·(y_j·v)·y_j        b = β·g + Σ_j t_j·y_j</pre>
 *
 * Rows are solved together, step by step ({@link #rowsTogether} of them, or a blocked group): their
 * products with the shared G are one matrix-matrix product ({@link VectorOps#symmetricProducts}),
 * which reads G once for all of them where a row alone reads it every step; each row's neighbour
 * products and scalars stay its own. Started from the rows' previous solutions, a few steps per
 * sweep track the exact solutions closely; with d steps in exact arithmetic CG reaches them.
 *
 * <p>Unbiased neighbours' rows are read in place, by index, and a row's terms (w_j, t_j) are made
 * once when it has at most {@link RowWorkspace#BATCH} neighbours. Biased neighbours are gathered into
 * their augmented form ({@link NeighbourRows}) slice by slice for every product, and so are the
 * terms of longer rows.
 *
 * <p>A {@link #blocked} solver takes a group of {@link DenseRows dense} rows, whose neighbours do not
 * stay in cache from one product to the next: each of their products walks the other side's factors
 * block by block, every row applying its neighbours in the block while the block is in cache, so
 * the block is read from memory once for the group where each row would read its neighbours from
 * memory once for every product.
 *
 * <p>Each row's steps are a fixed sequence of kernel calls on its own inputs (a blocked row's slices
 * are cut at the blocks' fixed boundaries), so a row's result is the same whichever rows it was
 * solved with, and for any number of threads.
 */
public final class ConjugateGradient {
  /**
   * Rows solved together below {@link #WIDE_STRIDE}, each reading its own neighbours: two halve G's
   * reads ({@link VectorOps#symmetricProducts}) and keep a short row's neighbours in L1 between its
   * products; four read G half as often again but pushed the 5M matrix's user rows out of L1 at
   * k = 64 (docs/design.md, "Two rows at a time").
   */
  public static final int ROWS = 2;

  /**
   * Rows solved together from {@link #WIDE_STRIDE} on, where two rows' neighbours fill L1 already;
   * eight were no faster than four (docs/design.md, "Four rows at a time from k = 128").
   */
  static final int WIDE_ROWS = 4;

  static final int WIDE_STRIDE = 128;

  /** How many rows the unblocked solver, whose rows each read their own neighbours, takes at once. */
  public static int rowsTogether(int kp) {
    return kp >= WIDE_STRIDE ? WIDE_ROWS : ROWS;
  }

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
  private final int kp;
  private final int capacity;
  /** Whether products walk the other side block by block for all queued rows ({@link #blocked}). */
  private final boolean byBlock;
  private final DenseRows dense;
  // The queued rows' vectors, row q's at q·kp: iterate, residual, direction, A·direction, G·v.
  private final float[] x;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private final float[] gv;
  /** Row q's terms at q·BATCH, when made once ({@link #termsOnce}). */
  private final float[] w;
  private final float[] t;
  private final int[] blockRow;
  private final float[] lambda;
  private final float[] rr;
  private final boolean[] active;
  // Blocked products: row q's vector and sum at offset 0 (where the neighbour kernels take them),
  // and the next of its entries to apply.
  private final float[][] rowVector;
  private final float[][] rowSum;
  private final int[] cursor;
  private RowProblem problem;
  private int count;

  /**
   * A solver of {@link #rowsTogether} rows at a time, each reading its neighbours by itself, for one
   * worker, using (and overwriting) the slice scratch of {@code ws}.
   */
  public ConjugateGradient(VectorOps ops, RowWorkspace ws) {
    this(ops, ws, rowsTogether(ws.kp), null);
  }

  /**
   * A solver of up to {@code dense.group()} {@link DenseRows dense} rows at a time whose neighbour
   * products walk the other side's factors in blocks of {@code dense.blockBytes()}: each block is
   * read from memory once for all the queued rows' neighbours in it.
   */
  public static ConjugateGradient blocked(VectorOps ops, RowWorkspace ws, DenseRows dense) {
    return new ConjugateGradient(ops, ws, dense.group(), dense);
  }

  private ConjugateGradient(VectorOps ops, RowWorkspace ws, int capacity, DenseRows dense) {
    this.ops = ops;
    this.ws = ws;
    this.kp = ws.kp;
    this.capacity = capacity;
    this.byBlock = dense != null;
    this.dense = dense;
    this.x = new float[capacity * kp];
    this.r = new float[capacity * kp];
    this.p = new float[capacity * kp];
    this.ap = new float[capacity * kp];
    this.gv = new float[capacity * kp];
    int termRows = byBlock ? 0 : capacity;
    this.w = new float[termRows * RowWorkspace.BATCH];
    this.t = new float[termRows * RowWorkspace.BATCH];
    this.blockRow = new int[capacity];
    this.lambda = new float[capacity];
    this.rr = new float[capacity];
    this.active = new boolean[capacity];
    int vectorRows = byBlock ? capacity : 0;
    this.rowVector = new float[vectorRows][kp];
    this.rowSum = new float[vectorRows][kp];
    this.cursor = new int[vectorRows];
  }

  /**
   * Floats a worker's solvers (a pair, and a blocked group of {@code group} rows) hold beside its
   * {@link RowWorkspace}, for memory estimates.
   */
  public static long scratchFloats(int kp, int group) {
    int rows = rowsTogether(kp);
    return 5L * rows * kp + 2L * rows * RowWorkspace.BATCH + 7L * group * kp;
  }

  /**
   * Queues block row {@code u} of {@code problem}, starting from {@code start[startOffset .. +d)},
   * d = {@code problem.unknowns()}. Rows queued together must be of one problem.
   */
  public void add(RowProblem problem, int u, float[] start, int startOffset) {
    if (count == capacity) {
      throw new IllegalStateException("already " + capacity + " rows queued");
    }
    if (count > 0 && problem != this.problem) {
      throw new IllegalArgumentException("rows queued together must be of one problem");
    }
    this.problem = problem;
    int q = count++;
    int d = problem.other.unknowns();
    blockRow[q] = u;
    lambda[q] = problem.lambda(u);
    Arrays.fill(x, q * kp, (q + 1) * kp, 0f);
    System.arraycopy(start, startOffset, x, q * kp, d);
  }

  /** Rows queued. */
  public int size() {
    return count;
  }

  public boolean isFull() {
    return count == capacity;
  }

  /** Queued row q's block row. */
  public int row(int q) {
    return blockRow[q];
  }

  /** Copies queued row q's iterate (its d unknowns) to {@code dst[offset ..]}. */
  public void solution(int q, float[] dst, int offset) {
    System.arraycopy(x, q * kp, dst, offset, problem.other.unknowns());
  }

  /** Forgets the queued rows. */
  public void clear() {
    count = 0;
    problem = null;
  }

  /**
   * One row alone: {@link #add}, {@link #solve(int)}, and the iterate left in {@link #solution()}.
   *
   * @return the number of steps taken
   */
  public int solve(RowProblem problem, int u, int steps, float[] start, int startOffset) {
    clear();
    add(problem, u, start, startOffset);
    return solve(steps);
  }

  /** The iterate of the first queued row, in [0, d), zero beyond (the array holds the others). */
  public float[] solution() {
    return x;
  }

  /**
   * Runs up to {@code steps} CG steps on every queued row; a row stops early when its residual
   * vanishes or its direction leaves no descent. The shared matrix G must be full symmetric (not
   * only its upper triangle). The rows stay queued (read them with {@link #solution(int, float[],
   * int)}) until {@link #clear}.
   *
   * @return the most steps any row took
   */
  public int solve(int steps) {
    if (count == 0) {
      return 0;
    }
    boolean shared = problem.shared();
    float beta = problem.terms.beta();
    int d = problem.other.unknowns();
    for (int q = 0; q < count; q++) {
      active[q] = true;
      if (termsOnce(q)) {
        int from = problem.rows.indptr()[blockRow[q]];
        int n = problem.rows.indptr()[blockRow[q] + 1] - from;
        prepare(blockRow[q], from, n, true);
        System.arraycopy(ws.w, 0, w, q * RowWorkspace.BATCH, n);
        System.arraycopy(ws.t, 0, t, q * RowWorkspace.BATCH, n);
      }
    }

    // r = b − A·x = β·(g − G·x) − λ·x + Σ_j (t_j − w_j·(y_j·x))·y_j
    if (shared) {
      ops.symmetricProducts(problem.gram, kp, d, x, 0, count, gv, 0);
    }
    for (int q = 0; q < count; q++) {
      int o = q * kp;
      Arrays.fill(r, o, o + kp, 0f);
      if (shared) {
        ops.axpy(-beta, gv, o, r, o, kp);
        if (problem.gramRhs != null) {
          ops.axpy(beta, problem.gramRhs, 0, r, o, kp);
        }
      }
      ops.axpy(-lambda[q], x, o, r, o, d);
    }
    addNeighbourTerms(true, x, r);
    for (int q = 0; q < count; q++) {
      int o = q * kp;
      System.arraycopy(r, o, p, o, kp);
      rr[q] = ops.dot(r, o, r, o, kp);
      active[q] = rr[q] > CONVERGED;
    }

    int taken = 0;
    for (int step = 0; step < steps && anyActive(); step++, taken = step) {
      // Ap = β·G·p + λ·p + Σ_j w_j·(y_j·p)·y_j
      if (shared) {
        ops.symmetricProducts(problem.gram, kp, d, p, 0, count, gv, 0);
      }
      for (int q = 0; q < count; q++) {
        if (active[q]) {
          int o = q * kp;
          Arrays.fill(ap, o, o + kp, 0f);
          if (shared) {
            ops.axpy(beta, gv, o, ap, o, kp);
          }
          ops.axpy(lambda[q], p, o, ap, o, d);
        }
      }
      addNeighbourTerms(false, p, ap);
      for (int q = 0; q < count; q++) {
        if (active[q]) {
          step(q);
        }
      }
    }
    return taken;
  }

  /** The rest of a CG step of queued row q, whose A·p is in {@code ap}. */
  private void step(int q) {
    int o = q * kp;
    float pap = ops.dot(p, o, ap, o, kp);
    if (!(pap > 0f) || !Float.isFinite(pap)) {
      active[q] = false; // p lies (numerically) in A's null space: no descent left along it
      return;
    }
    float alpha = rr[q] / pap;
    ops.axpy(alpha, p, o, x, o, kp);
    ops.axpy(-alpha, ap, o, r, o, kp);
    float rrNext = ops.dot(r, o, r, o, kp);
    float ratio = rrNext / rr[q];
    for (int i = o; i < o + kp; i++) {
      p[i] = r[i] + ratio * p[i];
    }
    rr[q] = rrNext;
    active[q] = rrNext > CONVERGED;
  }

  private boolean anyActive() {
    for (int q = 0; q < count; q++) {
      if (active[q]) return true;
    }
    return false;
  }

  /**
   * acc_q += Σ_j w_j·(y_j·v_q)·y_j, or for the residual acc_q += Σ_j (t_j − w_j·(y_j·v_q))·y_j, for
   * every active queued row q.
   */
  private void addNeighbourTerms(boolean residual, float[] v, float[] acc) {
    if (byBlock) {
      addNeighbourTermsByBlock(residual, v, acc);
      return;
    }
    for (int q = 0; q < count; q++) {
      if (active[q]) {
        addNeighbourTerms(q, residual, v, acc);
      }
    }
  }

  /**
   * acc_q += Σ_j w_j·(y_j·v_q)·y_j, or for the residual acc_q += Σ_j (t_j − w_j·(y_j·v_q))·y_j,
   * over row q's neighbours alone, in batches of at most {@link RowWorkspace#BATCH}.
   */
  private void addNeighbourTerms(int q, boolean residual, float[] v, float[] acc) {
    Factors other = problem.other;
    int u = blockRow[q];
    int from = problem.rows.indptr()[u];
    int to = problem.rows.indptr()[u + 1];
    boolean inPlace = !other.biased;
    boolean once = termsOnce(q);
    float[] data = inPlace ? other.data : ws.rows;
    int base = inPlace ? other.offset : ws.packedAt;
    int[] rows = inPlace ? problem.rows.indices() : ws.identity;
    float[] wq = once ? w : ws.w;
    float[] tq = once ? t : ws.t;
    int o = q * kp;
    System.arraycopy(v, o, ws.vector, 0, kp); // the kernels take the vector and the sum at offset 0
    System.arraycopy(acc, o, ws.sum, 0, kp);
    for (int start = from; start < to; start += RowWorkspace.BATCH) {
      int n = Math.min(RowWorkspace.BATCH, to - start);
      int termsAt = once ? q * RowWorkspace.BATCH + (start - from) : 0;
      if (!once) {
        prepare(u, start, n, inPlace);
      }
      // Dots, then the combination, per slice small enough that the second read of each
      // neighbour's row hits L1.
      for (int s = 0; s < n; s += SLICE) {
        int m = Math.min(SLICE, n - s);
        int first = inPlace ? start + s : s;
        ops.rowDots(data, base, rows, first, m, kp, ws.vector, ws.dots);
        for (int j = 0; j < m; j++) {
          float wd = wq[termsAt + s + j] * ws.dots[j];
          ws.coef[j] = residual ? tq[termsAt + s + j] - wd : wd;
        }
        ops.addRowCombination(data, base, rows, first, m, kp, ws.coef, ws.sum);
      }
    }
    System.arraycopy(ws.sum, 0, acc, o, kp);
  }

  /**
   * The neighbour terms of all active queued rows, the other side's rows taken block by block: for
   * each block, every row applies its entries in that block, slice by slice.
   * A row's slices are cut at the blocks' fixed boundaries, so its sums do not depend on the rows
   * queued with it.
   */
  private void addNeighbourTermsByBlock(boolean residual, float[] v, float[] acc) {
    Factors other = problem.other;
    int[] indptr = problem.rows.indptr();
    int[] indices = problem.rows.indices();
    for (int q = 0; q < count; q++) {
      if (active[q]) {
        System.arraycopy(v, q * kp, rowVector[q], 0, kp);
        System.arraycopy(acc, q * kp, rowSum[q], 0, kp);
        cursor[q] = indptr[blockRow[q]];
      }
    }
    int blockRows = dense.blockRows(other.stride);
    for (int lo = 0; lo < other.rows; lo += blockRows) {
      int hi = lo + blockRows;
      for (int q = 0; q < count; q++) {
        if (!active[q]) {
          continue;
        }
        int from = cursor[q];
        int to = from;
        int end = indptr[blockRow[q] + 1];
        while (to < end && indices[to] < hi) {
          to++;
        }
        for (int start = from; start < to; start += SLICE) {
          addSlice(q, residual, start, Math.min(SLICE, to - start), rowVector[q], rowSum[q]);
        }
        cursor[q] = to;
      }
    }
    for (int q = 0; q < count; q++) {
      if (active[q]) {
        System.arraycopy(rowSum[q], 0, acc, q * kp, kp);
      }
    }
  }

  /** Entries [start, start + n) of row q, n ≤ {@link #SLICE}: their terms, dots and combination. */
  private void addSlice(int q, boolean residual, int start, int n, float[] vector, float[] sum) {
    Factors other = problem.other;
    boolean inPlace = !other.biased;
    prepare(blockRow[q], start, n, inPlace);
    float[] data = inPlace ? other.data : ws.rows;
    int base = inPlace ? other.offset : ws.packedAt;
    int[] rows = inPlace ? problem.rows.indices() : ws.identity;
    int first = inPlace ? start : 0;
    ops.rowDots(data, base, rows, first, n, kp, vector, ws.dots);
    for (int j = 0; j < n; j++) {
      float wd = ws.w[j] * ws.dots[j];
      ws.coef[j] = residual ? ws.t[j] - wd : wd;
    }
    ops.addRowCombination(data, base, rows, first, n, kp, ws.coef, sum);
  }

  /**
   * Whether row q's terms are made once, before its first product: unbiased neighbours (read in
   * place) and at most {@link RowWorkspace#BATCH} of them.
   */
  private boolean termsOnce(int q) {
    int u = blockRow[q];
    return !byBlock && !problem.other.biased
        && problem.rows.indptr()[u + 1] - problem.rows.indptr()[u] <= RowWorkspace.BATCH;
  }

  /** Makes the terms of entries [start, start + n) in the workspace, gathering their rows if biased. */
  private void prepare(int u, int start, int n, boolean inPlace) {
    if (inPlace) {
      problem.terms.weights().compute(problem.id(u), problem.rows.indices(), problem.rows.values(),
          start, n, ws.w, ws.t);
    } else {
      NeighbourRows.gather(problem.other, problem.id(u), problem.rows.indices(), problem.rows.values(),
          start, n, problem.terms.weights(), ws);
    }
  }
}
