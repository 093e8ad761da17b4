package org.alskernel.train;

/** Refuses, before anything is allocated, a model whose factors cannot fit in this JVM's heap. */
final class MemoryCheck {
  private MemoryCheck() {}

  static void requireFits(int users, int items, int k, int kp, int workers) {
    // Two buffers per side (see AlsSession), the Gram block buffers of both sides (at most 64 blocks
    // each), and per worker a workspace (packed and weighted batches, the k×k system) and an
    // interleaved batch of up to 16 systems.
    long floats = 2L * ((long) users + items) * kp + 2L * 64 * kp * kp
        + (long) workers * (2L * 128 * kp + (long) kp * kp + kp + 16L * kp * kp);
    long bytes = 4L * floats;
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (bytes > available) {
      throw new IllegalArgumentException(String.format(
          "k = %d factors for %d users and %d items need about %,d MB but this JVM has about %,d MB"
              + " free (raise -Xmx or lower k)",
          k, users, items, bytes >> 20, available >> 20));
    }
    if ((long) Math.max(users, items) * kp > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(String.format(
          "k = %d factors for %d rows exceed the largest Java array", k, Math.max(users, items)));
    }
  }
}
