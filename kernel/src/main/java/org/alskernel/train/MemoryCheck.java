package org.alskernel.train;

import static org.alskernel.linalg.AlignedFloats.allocatedBytes;
import static org.alskernel.linalg.AlignedFloats.heapBytes;

import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AlignedFloats;
import org.alskernel.linalg.Cholesky;
import org.alskernel.linalg.RowWorkspace;
import org.alskernel.sweep.ExplicitWeighting;

/**
 * Refuses, before anything is allocated, a fit that cannot complete in this JVM's heap. The estimate
 * counts every array a fit allocates, with G1's region rounding of large arrays: the transposed
 * ratings, two factor buffers per side, the Gram blocks of both sides, each worker's scratch (its
 * aligned packed rows and batch each own at least one region; both sides' sweeps share it), the per-entry weights'
 * transpose, and the model's factors, which are copied out of the session.
 */
final class MemoryCheck {
  /** Bytes of a Java int or float. */
  private static final int WORD = 4;
  /** Headroom over the counted arrays for the small objects a fit also makes. */
  private static final long SLACK = 4L << 20;

  private MemoryCheck() {}

  /** The heap a fit of {@code userItems} with {@code config} takes at its peak, in bytes. */
  static long estimate(CsrMatrix userItems, AlsConfig config, int kp, int lanes, int workers) {
    long users = userItems.rows();
    long items = userItems.cols();
    long nnz = userItems.nnz();
    int k = config.factors();
    long bytes = SLACK + csr(items, nnz);
    bytes += 2 * factorBuffer(users, kp) + 2 * factorBuffer(items, kp);
    bytes += gramBlocks(users, kp) + gramBlocks(items, kp);
    bytes += (long) workers * workerScratch(config, kp, lanes); // one set, shared by both sides
    if (config.weighting() instanceof ExplicitWeighting.PerEntry) {
      bytes += csr(items, nnz);
    } else if (config.variant().isExplicit()) {
      bytes += heapBytes(items, WORD) * 2; // the column counts and the per-item weights
    }
    // AlsSession.toModel: a dense copy of each side, which FactorModel copies again
    bytes += 2 * (heapBytes(users * k, WORD) + heapBytes(items * k, WORD));
    if (config.variant().isBiased()) {
      bytes += 3 * (heapBytes(users, WORD) + heapBytes(items, WORD));
    }
    return bytes;
  }

  /**
   * @throws IllegalArgumentException with the estimate, what is free, and what to change, if the fit
   *     does not fit
   */
  static void requireFits(CsrMatrix userItems, AlsConfig config, int kp, int lanes, int workers) {
    int k = config.factors();
    int users = userItems.rows();
    int items = userItems.cols();
    if ((long) Math.max(users, items) * kp > Integer.MAX_VALUE - 16 - AlignedFloats.OFFSET) {
      throw new IllegalArgumentException(String.format(
          "k = %d factors for %d rows exceed the largest Java array", k, Math.max(users, items)));
    }
    long bytes = estimate(userItems, config, kp, lanes, workers);
    long available = available();
    if (bytes > available) {
      System.gc(); // what is in use may be garbage: measure again before refusing
      available = available();
    }
    if (bytes > available) {
      throw new IllegalArgumentException(String.format(
          "k = %d factors for %,d users and %,d items with %d worker threads need about %,d MB but"
              + " this JVM has about %,d MB free (raise -Xmx, or lower k or the threads)",
          k, users, items, workers, (bytes + (1 << 20) - 1) >> 20, available >> 20));
    }
  }

  private static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /** A CSR matrix with {@code rows} rows and {@code nnz} entries. */
  private static long csr(long rows, long nnz) {
    return heapBytes(rows + 1, WORD) + 2 * heapBytes(nnz, WORD);
  }

  private static long factorBuffer(long rows, int kp) {
    return heapBytes(AlignedFloats.OFFSET + rows * kp, WORD);
  }

  /** Gram's per-block partial sums (at most 64 blocks of 512 rows or more). */
  private static long gramBlocks(long rows, int kp) {
    long blocks = Math.max(1, Math.min(64, (rows + 511) / 512));
    return blocks * heapBytes((long) kp * kp, WORD) + 2 * heapBytes((long) kp * kp, WORD);
  }

  /** One worker's scratch: its {@link RowWorkspace} and what its solver adds (a batch of rows). */
  private static long workerScratch(AlsConfig config, int kp, int lanes) {
    long bytes = allocatedBytes(2 * RowWorkspace.BATCH * kp);
    bytes += heapBytes((long) kp * kp, WORD) + 3 * heapBytes(kp, WORD)
        + heapBytes(Cholesky.scratchSize(kp), WORD) + heapBytes(Math.max(RowWorkspace.BATCH, kp), WORD)
        + 4 * heapBytes(RowWorkspace.BATCH, WORD);
    int dim = config.variant().isBiased() ? config.factors() + 1 : config.factors();
    long extra = config.solver().scratchFloats(dim, kp, lanes);
    if (extra > 0) {
      bytes += allocatedBytes((int) Math.min(Integer.MAX_VALUE - 64, extra));
    }
    return bytes;
  }
}
