package org.alskernel.bench;

import java.util.SplittableRandom;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
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
        f.data[r * f.stride + c] = (float) (rnd.nextGaussian() * 0.1);
      }
    }
    return f;
  }
}
