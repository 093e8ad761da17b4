package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.alskernel.data.CsrMatrix;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.ExplicitWeighting;
import org.junit.jupiter.api.Test;

/**
 * Without frequency scaling (ν = 0) the factors are bit for bit those of the version before it
 * existed. The SHA-256 of each model's factor and bias bits below was printed by that version (the
 * commit before frequency-scaled regularisation) from this same code; the scalar kernels are plain
 * IEEE float arithmetic, so the digests do not depend on the CPU's vector width. A deliberate change
 * of the arithmetic must replace them, saying why.
 */
class PlainLambdaFingerprintTest {
  private record Case(String name, AlsConfig.Builder config, String sha256) {}

  private static final List<Case> CASES = List.of(
      new Case("implicit", AlsConfig.builder().factors(7).lambda(0.5f).alpha(3f),
          "94c0ac9cd31721013f72015f4a3534859e19ab1d78aecce142268a6e147519f2"),
      new Case("implicit, log confidence", AlsConfig.builder().factors(7).lambda(0.5f).alpha(3f)
          .logConfidence(2f),
          "4f7720bdd4e98682643789cdababd668b41104a0e754053214c65f1e0e05d75c"),
      new Case("implicit biased", AlsConfig.builder().factors(7).lambda(0.5f).alpha(3f)
          .variant(AlsVariant.IMPLICIT_BIASED),
          "e2f8fe9153741b1c51d45653c4208c4f4d97fdf073b96687d98db920da1735c2"),
      new Case("explicit biased, ALS-WR, popularity weights", AlsConfig.builder().factors(7)
          .lambda(0.05f).variant(AlsVariant.EXPLICIT_BIASED).lambdaScaledByCount(true)
          .weighting(ExplicitWeighting.linearPopularity(0.5f, 3f)),
          "8fc0b4ee417e2ec41edb34afecacd1b5982bf217db820d952ad1e7ec727940ca"),
      new Case("implicit, conjugate gradient", AlsConfig.builder().factors(7).lambda(0.5f)
          .alpha(3f).conjugateGradient(3),
          "ee9bfc9f99bac437191b3ac0253983e33636c29dde784b35c2fe89239d37136e"));

  @Test
  void nuZeroTrainsWhatTheVersionBeforeItTrained() throws Exception {
    CsrMatrix r = AlsTrainerTest.randomMatrix(11, 120, 80, 15);
    for (Case c : CASES) {
      AlsConfig config = c.config().iterations(4).seed(5).threads(1).initScale(0.1f).nu(0f).build();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (AlsSession s = new AlsSession(r, config, VectorOpsProvider.scalar())) {
        for (int it = 0; it < 4; it++) {
          s.iterate();
        }
        boolean biased = config.variant().isBiased();
        for (float[] f : new float[][] {s.userFactors(), s.itemFactors(),
            biased ? s.userBiases() : new float[0], biased ? s.itemBiases() : new float[0]}) {
          for (float v : f) {
            int bits = Float.floatToRawIntBits(v);
            md.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8),
                (byte) bits});
          }
        }
      }
      assertEquals(c.sha256(), HexFormat.of().formatHex(md.digest()), c.name());
    }
  }
}
