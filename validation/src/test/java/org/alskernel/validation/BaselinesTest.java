package org.alskernel.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import org.alskernel.data.CsrMatrix;
import org.alskernel.sweep.Confidence;
import org.alskernel.validation.ReferenceImplicitAls.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark baselines must solve the same equations as the reference, or their timings compare
 * nothing. Both compute in double and round the result to float once, so they agree with the double
 * reference to a few float roundings: 1e-5 normwise (k ≤ 64, λ = 0.5, well-conditioned systems).
 */
class BaselinesTest {
  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 32, 64})
  void textbookAndSparkStyleMatchTheReference(int k) {
    CsrMatrix r = Fixtures.random(60, 45, 0.15, k);
    float[] items = Fixtures.gaussian(45, k, 0.3, k + 1);
    double lambda = 0.5;
    double alpha = 3;
    double[] expected = ReferenceImplicitAls.fromCsr(r, k, lambda, alpha, Confidence.LINEAR, 1.0)
        .halfSweep(Side.USER, ReferenceImplicitAls.toDouble(items));

    float[] textbook = new TextbookImplicitAls(k, lambda, alpha).halfSweep(r, items);
    assertClose("textbook", expected, textbook);
    for (BLAS blas : new BLAS[] {JavaBLAS.getInstance(), BLAS.getInstance()}) {
      LAPACK lapack = blas instanceof JavaBLAS ? JavaLAPACK.getInstance() : LAPACK.getInstance();
      float[] spark = new SparkStyleImplicitAls(blas, lapack, k, lambda, alpha).halfSweep(r, items);
      assertClose("spark-style " + blas.getClass().getSimpleName(), expected, spark);
    }
  }

  private static void assertClose(String what, double[] expected, float[] actual) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
      norm += expected[i] * expected[i];
    }
    double rel = Math.sqrt(diff / norm);
    assertTrue(rel < TOLERANCE, what + ": relative error " + rel);
  }
}
