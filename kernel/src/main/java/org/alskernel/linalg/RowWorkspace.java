package org.alskernel.linalg;

/**
 * Scratch for one worker solving rows one after another: the packed neighbour rows (plain and
 * weighted), the entry terms, the k×k system and its right-hand side, and the conjugate-gradient
 * vectors. Allocated once per worker, so a row allocates nothing.
 */
public final class RowWorkspace {
  /** How many neighbours are gathered and applied at once; bounds the scratch for popular rows. */
  public static final int BATCH = 128;

  final int kp;
  final float[] packed;
  final float[] weighted;
  final float[] w = new float[BATCH];
  final float[] t = new float[BATCH];
  /** The system matrix, kp×kp row-major; after factoring, its upper triangle holds U (A = UᵀU). */
  public final float[] a;
  /** The right-hand side; after solving, the solution. */
  public final float[] b;
  /** Scratch for {@link Cholesky#factor}. */
  public final float[] choleskyScratch;
  /** The conjugate-gradient iterate: after {@link ConjugateGradient#solve}, the solution. */
  public final float[] x;
  // The other conjugate-gradient vectors (kp each) and per-neighbour scratch.
  final float[] residual;
  final float[] direction;
  final float[] product;
  final float[] scaled;
  final float[] dots = new float[BATCH];
  final float[] coef = new float[BATCH];
  /**
   * 0, 1, 2, …: the row indices that make the indexed row kernels read contiguous rows (a batch of
   * packed neighbours, or the rows of a kp×kp matrix).
   */
  final int[] identity;

  public RowWorkspace(int kp) {
    this.kp = kp;
    this.packed = new float[BATCH * kp];
    this.weighted = new float[BATCH * kp];
    this.a = new float[kp * kp];
    this.b = new float[kp];
    this.choleskyScratch = new float[Cholesky.scratchSize(kp)];
    this.x = new float[kp];
    this.residual = new float[kp];
    this.direction = new float[kp];
    this.product = new float[kp];
    this.scaled = new float[kp];
    this.identity = new int[Math.max(BATCH, kp)];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
  }
}
