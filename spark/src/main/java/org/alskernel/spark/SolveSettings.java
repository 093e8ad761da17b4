package org.alskernel.spark;

import java.io.Serializable;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.Solver;
import org.alskernel.sweep.Weighting;

/**
 * What every task needs to know to solve its block, in a form Spark can ship: the equation's
 * settings (rebuilt into the kernel's {@link Equation} on the executor, which checks them) and the
 * solver.
 */
record SolveSettings(AlsVariant variant, int rank, float lambda, boolean lambdaScaledByCount,
    float alpha, Confidence confidence, float epsilon, float nu, float unobservedWeight,
    Solver solver, int cgSteps, float initScale) implements Serializable {

  /** The kernel's equation for these settings; its constructor names a setting that breaks a rule. */
  Equation equation() {
    return new Equation(variant, rank, lambda, lambdaScaledByCount, alpha, confidence, epsilon,
        Weighting.UNIFORM, null, nu, unobservedWeight);
  }

  boolean biased() {
    return variant.isBiased();
  }

  /** Floats per row in a shipped factor block: the k factors, then the bias when there is one. */
  int width() {
    return biased() ? rank + 1 : rank;
  }

  /** Side of the Gram matrix a block's partial sum is shipped in: the stored columns (k or k + 2). */
  int gramWidth() {
    return biased() ? rank + 2 : rank;
  }
}
