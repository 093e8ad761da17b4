package org.alskernel.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.sweep.Confidence;

/** Shared inputs and helpers of the validation tests. */
final class Fixtures {
  private Fixtures() {}

  /** Unit roundoff of float, 2⁻²⁴. */
  static final double U = 0x1p-24;

  /** Both kernel implementations; the vector one must be present (surefire adds the module). */
  static List<VectorOps> allOps() {
    return List.of(VectorOpsProvider.scalar(), VectorOpsProvider.vector().orElseThrow(
        () -> new AssertionError("Vector API not available: run with --add-modules jdk.incubator.vector")));
  }

  /**
   * A random users × items matrix with adversarial rows mixed in: row 0 empty, row 1 one entry, row 2
   * one huge count ({@code huge}), row 3 every item, row 4 a negative strength (p = 0), the last item
   * column empty; the other rows hold each item with probability {@code density}, counts 1..5.
   */
  static CsrMatrix adversarial(int users, int items, double density, float huge, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsrBuilder b = new CsrBuilder();
    int lastUsable = items - 1; // column items-1 stays empty
    for (int u = 0; u < users; u++) {
      switch (u) {
        case 0 -> { }
        case 1 -> b.add(u, rnd.nextInt(lastUsable), 1 + rnd.nextInt(5));
        case 2 -> b.add(u, rnd.nextInt(lastUsable), huge);
        case 3 -> {
          for (int i = 0; i < lastUsable; i++) {
            b.add(u, i, 1 + rnd.nextInt(5));
          }
        }
        case 4 -> {
          b.add(u, 0, -3f);
          b.add(u, 1, 2f);
        }
        default -> {
          for (int i = 0; i < lastUsable; i++) {
            if (rnd.nextDouble() < density) {
              b.add(u, i, 1 + rnd.nextInt(5));
            }
          }
        }
      }
    }
    return b.build(users, items);
  }

  /** A plain random matrix: each entry present with probability {@code density}, counts 1..5. */
  static CsrMatrix random(int users, int items, double density, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (rnd.nextDouble() < density) {
          b.add(u, i, 1 + rnd.nextInt(5));
        }
      }
    }
    return b.build(users, items);
  }

  /** Gaussian factors, dense row-major rows × k, standard deviation {@code scale}. */
  static float[] gaussian(int rows, int k, double scale, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] f = new float[rows * k];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) (rnd.nextGaussian() * scale);
    }
    return f;
  }

  /** The kernel's implicit terms written out again for tests: w = c − 1, t = c·p. */
  static EntryWeights implicitWeights(Confidence confidence, float alpha, float epsilon) {
    return (row, indices, values, from, count, w, t) -> {
      for (int j = 0; j < count; j++) {
        float r = values[from + j];
        float c = confidence.apply(r, alpha, epsilon);
        w[j] = c - 1f;
        t[j] = r > 0f ? c : 0f;
      }
    };
  }

  /** ‖a − b‖₂ / ‖b‖₂ (0 when both are zero, infinite when only b is). */
  static double relativeError(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) * (a[i] - b[i]);
      den += b[i] * b[i];
    }
    if (den == 0) {
      return num == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.sqrt(num / den);
  }

  static double relativeError(float[] a, double[] b) {
    return relativeError(ReferenceImplicitAls.toDouble(a), b);
  }

  static boolean allFinite(float[] f) {
    for (float v : f) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Collects lines for a measured-error report printed at the end of a test class. */
  static final class Report {
    private final String title;
    private final List<String> lines = new ArrayList<>();

    Report(String title) {
      this.title = title;
    }

    synchronized void add(String line) {
      lines.add(line);
    }

    synchronized void print() {
      System.out.println("== " + title);
      lines.forEach(l -> System.out.println("   " + l));
    }
  }
}
