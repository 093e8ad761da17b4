package org.alskernel.train;

import java.util.SplittableRandom;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.simd.VectorOpsProvider;

/**
 * Run in a JVM of its own by {@link MemoryCheckTest}: builds a fixed matrix, then either prints the
 * heap in use and the fit's estimate ({@code estimate}) or runs the fit ({@code fit}) and prints
 * {@code trained}, or {@code refused: ...} with the memory message.
 */
final class MemoryBoundaryProbe {
  static final int USERS = 400_000;
  static final int ITEMS = 50_000;

  public static void main(String[] args) {
    SplittableRandom rnd = new SplittableRandom(1);
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < USERS; u++) {
      b.add(u, rnd.nextInt(ITEMS), 1f);
      b.add(u, rnd.nextInt(ITEMS), 2f);
    }
    CsrMatrix m = b.build(USERS, ITEMS);
    AlsConfig config = AlsConfig.builder().factors(32).iterations(1).threads(2).build();
    if (args[0].equals("estimate")) {
      Runtime rt = Runtime.getRuntime();
      long used = Long.MAX_VALUE;
      for (int j = 0; j < 4; j++) { // what the check sees after its own collection
        System.gc();
        used = Math.min(used, rt.totalMemory() - rt.freeMemory());
      }
      int kp = VectorOpsProvider.get().paddedStride(32);
      System.out.println("used=" + used + " estimate="
          + MemoryCheck.estimate(m, config, kp, VectorOpsProvider.get().lanes(), 2));
      return;
    }
    try {
      new AlsTrainer(config).fit(m);
      System.out.println("trained");
    } catch (IllegalArgumentException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
