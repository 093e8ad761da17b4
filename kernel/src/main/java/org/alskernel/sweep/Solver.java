package org.alskernel.sweep;

/** How each row's k×k system is solved during a sweep. */
public enum Solver {
  /**
   * Build A_u and factor it (Cholesky): the exact least-squares solution of every row, at
   * O(|N(u)|·k² + k³) per row. The default.
   */
  CHOLESKY,
  /**
   * A few conjugate-gradient steps warm-started from the row's previous solution, never forming A_u
   * (Takács et al. 2011): O(steps·(k² + |N(u)|·k)) per row. Each sweep is approximate, but training
   * converges to nearly the same objective much faster (docs/benchmarks.md, "Conjugate gradient").
   */
  CONJUGATE_GRADIENT
}
