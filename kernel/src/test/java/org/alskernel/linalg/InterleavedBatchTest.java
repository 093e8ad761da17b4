package org.alskernel.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched factor-and-solve against a double-precision Cholesky, for sizes around the panel
 * (8 pivots, halves of 4), column-block (32) and tile (16 lanes) boundaries; lane independence (a
 * system alone in lane 0 gives the bits it gets in a full batch); and failed-pivot reporting.
 */
class InterleavedBatchTest {
  private static final VectorOps[] ALL = {VectorOpsProvider.scalar(), VectorOpsProvider.vector().orElseThrow()};

  /** A = YᵀY + I (Y (k+8)×k Gaussian), stride kp, and a random right-hand side. */
  private static float[][] system(int k, int kp, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = k + 8;
    double[][] y = new double[n][k];
    for (double[] row : y) for (int c = 0; c < k; c++) row[c] = rnd.nextGaussian();
    float[] a = new float[kp * kp];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = r == c ? 1 : 0;
        for (double[] row : y) s += row[r] * row[c];
        a[r * kp + c] = (float) s;
      }
    }
    float[] b = new float[kp];
    for (int r = 0; r < k; r++) b[r] = (float) rnd.nextGaussian();
    return new float[][] {a, b};
  }

  /** Normwise backward error ‖Ax − b‖ / (‖A‖_F‖x‖ + ‖b‖) in double. */
  private static double backwardError(float[] a, float[] b, float[] x, int k, int kp) {
    double res = 0, normA = 0, normX = 0, normB = 0;
    for (int r = 0; r < k; r++) {
      double s = -b[r];
      for (int c = 0; c < k; c++) {
        double arc = a[Math.min(r, c) * kp + Math.max(r, c)];
        s += arc * x[c];
        normA += arc * arc;
      }
      res += s * s;
      normX += (double) x[r] * x[r];
      normB += (double) b[r] * b[r];
    }
    return Math.sqrt(res) / (Math.sqrt(normA) * Math.sqrt(normX) + Math.sqrt(normB));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      31, 32, 33, 40, 63, 64, 65, 100, 127, 129})
  void fullBatchSolvesEveryLaneAndMatchesEachLaneAlone(int k) {
    for (VectorOps ops : ALL) {
      int kp = ops.paddedStride(k);
      int lanes = ops.lanes();
      InterleavedBatch batch = new InterleavedBatch(ops, k, kp, true);
      float[][][] systems = new float[lanes][][];
      for (int lane = 0; lane < lanes; lane++) {
        systems[lane] = system(k, kp, 1000L * k + lane);
        batch.add(systems[lane][0], systems[lane][1]);
      }
      assertEquals(-1, batch.solve(), ops.name() + " k=" + k);
      InterleavedBatch alone = new InterleavedBatch(ops, k, kp, false);
      for (int lane = 0; lane < lanes; lane++) {
        float[] x = new float[k];
        batch.solution(lane, x, 0);
        double err = backwardError(systems[lane][0], systems[lane][1], x, k, kp);
        assertTrue(err <= 4 * k * 0x1p-24, ops.name() + " k=" + k + " lane " + lane + ": backward error " + err);
        alone.clear();
        alone.add(systems[lane][0], systems[lane][1]);
        assertEquals(-1, alone.solve());
        float[] xAlone = new float[k];
        alone.solution(0, xAlone, 0);
        assertArrayEquals(x, xAlone, ops.name() + " k=" + k + " lane " + lane + " alone vs in a batch");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 17, 40})
  void aFailedLaneReportsItsPivotAndLeavesTheOthersAlone(int k) {
    VectorOps ops = ALL[1];
    int kp = ops.paddedStride(k);
    int lanes = ops.lanes();
    int bad = Math.min(3, lanes - 1);
    InterleavedBatch batch = new InterleavedBatch(ops, k, kp, true);
    InterleavedBatch alone = new InterleavedBatch(ops, k, kp, false);
    float[][][] systems = new float[lanes][][];
    for (int lane = 0; lane < lanes; lane++) {
      systems[lane] = system(k, kp, 77L * k + lane);
      if (lane == bad) {
        systems[lane][0][5 * kp + 5] = -1f;
      }
      batch.add(systems[lane][0], systems[lane][1]);
    }
    assertEquals(bad, batch.solve());
    assertEquals(5, batch.failedPivot(bad));
    for (int lane = 0; lane < lanes; lane++) {
      if (lane == bad) continue;
      assertEquals(-1, batch.failedPivot(lane));
      float[] x = new float[k];
      batch.solution(lane, x, 0);
      alone.clear();
      alone.add(systems[lane][0], systems[lane][1]);
      alone.solve();
      float[] xAlone = new float[k];
      alone.solution(0, xAlone, 0);
      assertArrayEquals(xAlone, x, "lane " + lane);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 33, 64})
  void systemsBuiltInPlaceSolveLikeCopiedOnesAndSolvingTwiceChangesNothing(int k) {
    VectorOps ops = ALL[1];
    int kp = ops.paddedStride(k);
    InterleavedBatch copied = new InterleavedBatch(ops, k, kp, false);
    InterleavedBatch inPlace = new InterleavedBatch(ops, k, kp, true);
    for (int lane = 0; lane < 3; lane++) {
      float[][] system = system(k, kp, 5L * k + lane);
      copied.add(system[0], system[1]);
      System.arraycopy(system[0], 0, inPlace.buffer(), inPlace.nextSystem(), kp * kp);
      System.arraycopy(system[1], 0, inPlace.buffer(), inPlace.nextRhs(), kp);
      inPlace.addBuilt();
    }
    assertEquals(-1, copied.solve());
    assertEquals(-1, inPlace.solve());
    for (int lane = 0; lane < 3; lane++) {
      float[] x = new float[k];
      float[] y = new float[k];
      copied.solution(lane, x, 0);
      inPlace.solution(lane, y, 0);
      assertArrayEquals(x, y, "lane " + lane);
    }
    float[] first = new float[k];
    float[] again = new float[k];
    inPlace.solution(2, first, 0);
    assertEquals(-1, inPlace.solve());
    inPlace.solution(2, again, 0);
    assertArrayEquals(first, again, "a second solve of the same lanes");
  }
}
