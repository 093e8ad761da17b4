package org.alskernel.bench;

import java.util.SplittableRandom;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.NormalEquations;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;

/** Seeded inputs shared by the kernel benchmarks. */
final class BenchData {
  private BenchData() {}

  /** Implicit terms with α = 40: w = c − 1, t = c. */
  static final EntryWeights IMPLICIT = (row, indices, values, from, count, w, t) -> {
    for (int j = 0; j < count; j++) {
      float c = 1f + 40f * values[from + j];
      w[j] = c - 1f;
      t[j] = c;
    }
  };

  /** The thread count a {@code threads} param names: a number, or "all" for every core. */
  static int threads(String param) {
    return param.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(param);
  }

  static VectorOps ops(String name) {
    return switch (name) {
      case "vector" -> VectorOpsProvider.vector().orElseThrow(() -> new IllegalStateException(
          "jdk.incubator.vector is not available: run with --add-modules jdk.incubator.vector"));
      case "scalar" -> VectorOpsProvider.scalar();
      default -> throw new IllegalArgumentException("ops must be vector or scalar, got " + name);
    };
  }

  /** Gaussian factors with standard deviation 0.1, padded to the kernels' stride. */
  static Factors factors(VectorOps ops, int rows, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Factors f = new Factors(rows, k, ops.paddedStride(k));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < k; c++) {
        f.data[f.rowStart(r) + c] = (float) (rnd.nextGaussian() * 0.1);
      }
    }
    return f;
  }

  /**
   * One row's inputs: the other side's factors and Gram matrix, the row's entries, and the row problem
   * they make (λ = 0.1, implicit weights), made once so that a build allocates nothing.
   */
  record RowInput(Factors items, float[] gram, int[] indices, float[] values, RowProblem problem) {
    RowInput(Factors items, float[] gram, int[] indices, float[] values) {
      this(items, gram, indices, values, new RowProblem(new RowTerms("user", 1f, 0.1f, false,
          IMPLICIT), CsrMatrix.of(1, items.rows, new int[] {0, indices.length}, indices, values),
          null, gram, null, items));
    }

    /** Builds this row's system into {@code ws}. */
    void build(VectorOps ops, RowWorkspace ws) {
      NormalEquations.build(ops, problem, 0, ws);
    }
  }

  /**
   * A row of {@code n} interactions spread evenly (one random item per stride) over {@code items}
   * seeded factor rows, values 1..5.
   */
  static RowInput row(VectorOps ops, int itemCount, int k, int n, long seed) {
    Factors items = factors(ops, itemCount, k, 42);
    float[] gram = Gram.of(ops, items, new ParallelRunner(null));
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] indices = new int[n];
    float[] values = new float[n];
    int step = itemCount / n;
    for (int j = 0; j < n; j++) {
      indices[j] = j * step + rnd.nextInt(step);
      values[j] = 1 + rnd.nextInt(5);
    }
    return new RowInput(items, gram, indices, values);
  }
}
