package org.alskernel.linalg;

/**
 * Which rows conjugate gradient solves in groups whose neighbour products walk the other side's
 * factors block by block ({@link ConjugateGradient#blocked}), and how: a row is dense when its
 * neighbours' factor rows fill more than {@code cachedBytes} (so they do not stay in a core's cache
 * from one product to the next) and are at least one in {@code share} of the other side's rows (so a
 * block holds neighbours of many of a group's rows). A group of up to {@code group} dense rows then
 * reads each block of {@code blockBytes} once per product for all its rows, where each row alone
 * would read its neighbours from memory once per product.
 */
public record DenseRows(int cachedBytes, int blockBytes, int share, int group) {
  /**
   * Half of a core's L2 for the rows that stay cached, blocks of 1 MB in L3, groups of 256 rows
   * (docs/design.md, "Dense rows in groups").
   */
  public static final DenseRows DEFAULT = new DenseRows(256 * 1024, 1 << 20, 512, 256);

  public DenseRows {
    if (cachedBytes < 0 || blockBytes < 1 || share < 1 || group < 1) {
      throw new IllegalArgumentException("cachedBytes must be ≥ 0 and blockBytes, share, group ≥ 1: "
          + this);
    }
  }

  /** Whether block row {@code u} of {@code problem} is dense; it depends on that row alone. */
  public boolean includes(RowProblem problem, int u) {
    long n = problem.rows.rowLength(u);
    return n * 4L * problem.other.stride > cachedBytes && n * share >= problem.other.rows;
  }

  /** The other side's rows in one block. */
  int blockRows(int stride) {
    return Math.max(1, blockBytes / (4 * stride));
  }
}
