package org.alskernel.sweep;

import org.alskernel.linalg.ConjugateGradient;
import org.alskernel.linalg.DenseRows;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.linalg.SystemSolver;
import org.alskernel.simd.VectorOps;

/**
 * The row solvers, registered in one place: each makes its {@link RowSolver} and says what a row
 * costs it, for cutting rows into chunks of equal work. The configuration, the command line
 * ({@link #label}) and the benchmarks read this list, so a new solver is one {@link RowSolver} class
 * and one constant here.
 */
public enum Solver {
  /**
   * Build A_u and factor it (Cholesky): the exact least-squares solution of every row, at
   * O(|N(u)|·k² + k³) per row. The default.
   */
  CHOLESKY("cholesky") {
    @Override
    public RowSolver create(VectorOps ops, RowWorkspace ws, int steps, boolean aligned) {
      return new CholeskyRowSolver(ops, ws, aligned);
    }

    @Override
    double costPerRow(int k, int steps) {
      return k / 3.0 + 2.0; // factoring, and the λ and Gram terms
    }

    @Override
    public long scratchFloats(int unknowns, int kp, int lanes) {
      if (unknowns > SystemSolver.BATCHED_MAX_K) {
        return 0; // one system at a time, in the workspace
      }
      // the batch: each lane's system and right-hand side, the interleaved copy, solutions
      return lanes * ((long) kp * kp + kp) + lanes * ((long) unknowns * unknowns + kp)
          + 2L * lanes * kp;
    }

    @Override
    double costPerEntry(int k, int steps) {
      return 2.0; // the rank-one update
    }
  },
  /**
   * A few conjugate-gradient steps warm-started from the row's previous solution, never forming A_u
   * (Takács et al. 2011): O(steps·(k² + |N(u)|·k)) per row, a few rows at a time ({@link
   * ConjugateGradient#rowsTogether}), and {@link DenseRows dense} rows in groups that read the other
   * side block by block. Each sweep is approximate, but training converges to nearly the same
   * objective much faster (docs/benchmarks.md, "Conjugate gradient").
   */
  CONJUGATE_GRADIENT("cg") {
    @Override
    public RowSolver create(VectorOps ops, RowWorkspace ws, int steps, boolean aligned) {
      return new ConjugateGradientRowSolver(ops, ws, steps, DenseRows.DEFAULT);
    }

    @Override
    double costPerRow(int k, int steps) {
      return 2.0 * (steps + 1); // a product with G per pass (at the speed of a matrix product)
    }

    @Override
    double costPerEntry(int k, int steps) {
      return 4.0 * (steps + 1) / k; // two neighbour products per pass
    }

    @Override
    public long scratchFloats(int unknowns, int kp, int lanes) {
      // the vectors of the rows solved together
      return ConjugateGradient.scratchFloats(kp, DenseRows.DEFAULT.group());
    }
  };

  private final String label;

  Solver(String label) {
    this.label = label;
  }

  /** The name the command line and the benchmarks use. */
  public String label() {
    return label;
  }

  /** The solver named {@code label}, ignoring case. */
  public static Solver byLabel(String label) {
    for (Solver s : values()) {
      if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown solver '" + label + "' (one of "
        + String.join(", ", labels()) + ")");
  }

  /** Every solver's label, in order. */
  public static java.util.List<String> labels() {
    return java.util.Arrays.stream(values()).map(Solver::label).toList();
  }

  /**
   * A solver for one worker, using (and overwriting) the scratch of {@code ws}.
   *
   * @param steps iterations per row, for iterative solvers
   * @param aligned whether its own scratch should sit on cache lines (see {@link RowWorkspace})
   */
  @SuppressWarnings("exports") // VectorOps and RowWorkspace are internal
  public abstract RowSolver create(VectorOps ops, RowWorkspace ws, int steps, boolean aligned);

  /** A row's cost in units of k² flops, apart from its entries. */
  abstract double costPerRow(int k, int steps);

  /** A stored entry's cost in units of k² flops. */
  abstract double costPerEntry(int k, int steps);

  /**
   * Floats of aligned scratch a worker's solver allocates beyond its {@link RowWorkspace}, for the
   * memory check.
   */
  public abstract long scratchFloats(int unknowns, int kp, int lanes);
}
