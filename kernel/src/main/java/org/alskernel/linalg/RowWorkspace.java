package org.alskernel.linalg;

/**
 * Scratch for one worker solving rows one after another: the packed neighbour rows (plain and
 * weighted), the entry terms, the k×k system and its right-hand side, and the vectors conjugate
 * gradient's neighbour products work on. Allocated once per worker, so a row allocates nothing.
 */
public final class RowWorkspace {
  /** How many neighbours are gathered and applied at once; bounds the scratch for popular rows. */
  public static final int BATCH = 128;

  final int kp;
  /**
   * The gathered neighbour rows, plain (row j at {@code packedAt + j·kp}) and weighted (at {@code
   * weightedAt + j·kp}): one array so that a sweep worker's can sit on vector boundaries ({@link
   * AlignedFloats}; RowBuildBenchmark k = 128, n = 512: 87.4 → 68.7 µs, docs/design.md).
   */
  final float[] rows;
  final int packedAt;
  final int weightedAt;
  final float[] w = new float[BATCH];
  final float[] t = new float[BATCH];
  /** The system matrix, kp×kp row-major; after factoring, its upper triangle holds U (A = UᵀU). */
  public final float[] a;
  /** The right-hand side; after solving, the solution. */
  public final float[] b;
  /** Scratch for {@link Cholesky#factor}. */
  public final float[] choleskyScratch;
  // A conjugate-gradient row's vector and sum for the neighbour kernels (kp each), and
  // per-neighbour scratch.
  final float[] vector;
  final float[] sum;
  final float[] dots = new float[BATCH];
  final float[] coef = new float[BATCH];
  /**
   * 0, 1, 2, …: the row indices that make the indexed row kernels read contiguous rows (a batch of
   * packed neighbours, or the rows of a kp×kp matrix).
   */
  final int[] identity;

  /** Scratch for one row at a time (fold-in): plainly allocated. */
  public RowWorkspace(int kp) {
    this(kp, false);
  }

  /**
   * @param aligned whether the neighbour rows sit on vector boundaries: worth half a heap region for
   *     a worker that builds many rows, not for one fold-in; the results are the same
   */
  public RowWorkspace(int kp, boolean aligned) {
    this.kp = kp;
    this.packedAt = aligned ? AlignedFloats.OFFSET : 0;
    this.weightedAt = packedAt + BATCH * kp;
    this.rows = aligned ? AlignedFloats.allocate(2 * BATCH * kp) : new float[2 * BATCH * kp];
    this.a = new float[kp * kp];
    this.b = new float[kp];
    this.choleskyScratch = new float[Cholesky.scratchSize(kp)];
    this.vector = new float[kp];
    this.sum = new float[kp];
    this.identity = new int[Math.max(BATCH, kp)];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
  }
}
