package org.alskernel.data.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alskernel.data.CsrMatrix;

/**
 * A seeded generator of implicit-feedback matrices with power-law skew on both sides, for tests and
 * benchmarks at the shape of public data sets without shipping them.
 *
 * <ul>
 *   <li><b>Users (rows).</b> Row lengths follow a Zipf law: the row of activity rank k gets a share of
 *       nnz proportional to {@code k^-userExponent} (default {@value #DEFAULT_USER_EXPONENT}), capped
 *       at a full row, with the total exactly nnz (see {@link RowLengths}).
 *   <li><b>Items (columns).</b> Each row's columns are drawn without replacement with probability
 *       proportional to {@code k^-itemExponent} for the item of popularity rank k (default {@value
 *       #DEFAULT_ITEM_EXPONENT}, the classic Zipf law), so no (row, column) pair repeats.
 *   <li><b>Ids.</b> Ranks are mapped to row and column ids by seeded random permutations, so the heavy
 *       rows and columns are scattered rather than all at index 0 (which would flatter or punish any
 *       partitioning by index range).
 *   <li><b>Values.</b> Uniform integers in {@code [minValue, maxValue]} (default 1..10), stored as
 *       floats.
 * </ul>
 *
 * <p><b>Determinism.</b> One {@link SplittableRandom} seeded with the seed drives everything, in a
 * fixed order (item permutation, user permutation, then rows by id: columns, then values). Nothing
 * depends on thread count, hashing or iteration order, so the same arguments and seed give the same
 * matrix bit for bit. The arrays are written directly in CSR form: memory beyond the result is
 * O(rows + cols).
 *
 * <p>Instances are immutable; the {@code with}-style setters return a new instance.
 */
public final class SyntheticInteractions {
  public static final double DEFAULT_USER_EXPONENT = 0.4;
  public static final double DEFAULT_ITEM_EXPONENT = 1.0;
  public static final int DEFAULT_MIN_VALUE = 1;
  public static final int DEFAULT_MAX_VALUE = 10;

  /** Largest integer value; beyond 2^24 not every integer is a float. */
  public static final int MAX_VALUE_LIMIT = 1 << 24;

  private final int rows;
  private final int cols;
  private final int nnz;
  private final double userExponent;
  private final double itemExponent;
  private final int minValue;
  private final int maxValue;

  private SyntheticInteractions(
      int rows, int cols, int nnz, double userExponent, double itemExponent, int minValue, int maxValue) {
    this.rows = rows;
    this.cols = cols;
    this.nnz = nnz;
    this.userExponent = userExponent;
    this.itemExponent = itemExponent;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  /**
   * A generator for a {@code rows x cols} matrix with exactly {@code nnz} stored entries and default
   * exponents and values.
   *
   * @throws IllegalArgumentException if a dimension or nnz is negative, or nnz exceeds rows * cols
   */
  public static SyntheticInteractions shape(int rows, int cols, int nnz) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    if (rows == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rows must be below " + Integer.MAX_VALUE + ": indptr needs rows + 1");
    }
    if (nnz < 0) {
      throw new IllegalArgumentException("negative nnz " + nnz);
    }
    if (nnz > (long) rows * cols) {
      throw new IllegalArgumentException(
          "nnz " + nnz + " exceeds rows * cols = " + ((long) rows * cols) + " for shape " + rows + "x"
              + cols + ": entries would have to repeat");
    }
    return new SyntheticInteractions(
        rows, cols, nnz, DEFAULT_USER_EXPONENT, DEFAULT_ITEM_EXPONENT, DEFAULT_MIN_VALUE, DEFAULT_MAX_VALUE);
  }

  /** Zipf exponent of row activity; 0 gives equal row lengths. Must be finite and >= 0. */
  public SyntheticInteractions userExponent(double exponent) {
    return new SyntheticInteractions(
        rows, cols, nnz, checkExponent("user", exponent), itemExponent, minValue, maxValue);
  }

  /** Zipf exponent of item popularity; 0 gives uniform columns. Must be finite and >= 0. */
  public SyntheticInteractions itemExponent(double exponent) {
    return new SyntheticInteractions(
        rows, cols, nnz, userExponent, checkExponent("item", exponent), minValue, maxValue);
  }

  /** Values drawn uniformly from the integers {@code min..max}; requires 1 ≤ min ≤ max ≤ 2^24. */
  public SyntheticInteractions values(int min, int max) {
    if (min < 1 || max < min || max > MAX_VALUE_LIMIT) {
      throw new IllegalArgumentException(
          "value range " + min + ".." + max + " is not within 1.." + MAX_VALUE_LIMIT
              + " with min <= max (implicit feedback counts are positive)");
    }
    return new SyntheticInteractions(rows, cols, nnz, userExponent, itemExponent, min, max);
  }

  private static double checkExponent(String side, double exponent) {
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException(side + " exponent must be finite and >= 0, got " + exponent);
    }
    return exponent;
  }

  /** MovieLens 20M's shape: 138,493 users x 26,744 movies, 20,000,263 entries; default skew. */
  public static CsrMatrix movieLens20mShape(long seed) {
    return shape(138_493, 26_744, 20_000_263).generate(seed);
  }

  /** The benchmark matrix: 100,000 x 20,000 with 5,000,000 entries, values 1..10, default skew. */
  public static CsrMatrix benchmark100k(long seed) {
    return shape(100_000, 20_000, 5_000_000).values(1, 10).generate(seed);
  }

  /** Generates the matrix; the same seed gives the same matrix bit for bit. */
  public CsrMatrix generate(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] itemRank = permutation(cols, rnd);
    int[] userRank = permutation(rows, rnd);

    long[] byRank = ZipfWeights.quantised(cols, itemExponent);
    long[] itemWeight = new long[cols];
    for (int c = 0; c < cols; c++) itemWeight[c] = byRank[itemRank[c]];
    DistinctSampler sampler = new DistinctSampler(itemWeight);

    int[] lengthByRank = RowLengths.allocate(rows, cols, nnz, userExponent);
    int[] indptr = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      indptr[r + 1] = indptr[r] + lengthByRank[userRank[r]];
    }

    int[] indices = new int[nnz];
    float[] values = new float[nnz];
    int span = maxValue - minValue + 1;
    for (int r = 0; r < rows; r++) {
      int start = indptr[r];
      int end = indptr[r + 1];
      sampler.sample(end - start, indices, start, rnd);
      Arrays.sort(indices, start, end);
      for (int p = start; p < end; p++) {
        values[p] = minValue + rnd.nextInt(span);
      }
    }
    return CsrMatrix.of(rows, cols, indptr, indices, values);
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Override
  public String toString() {
    return "SyntheticInteractions[" + rows + "x" + cols + ", nnz=" + nnz + ", userExponent="
        + userExponent + ", itemExponent=" + itemExponent + ", values=" + minValue + ".." + maxValue
        + "]";
  }
}
