package org.alskernel.linalg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Float arrays whose element {@link #OFFSET} sits on a 64-byte boundary (one AVX-512 vector, one
 * cache line) for as long as the array lives, where the JVM allows it. A vector load or store that
 * straddles two cache lines costs two L1 accesses; the interleaved batch does nothing but whole-vector
 * loads and stores at multiples of 64 bytes from its start, so its speed depended on where the
 * allocator happened to put it (BatchedCholeskyBenchmark at k = 64: 34.0 µs misaligned, 26.8 µs
 * aligned; docs/design.md).
 *
 * <p>Java has no addresses, and the collector moves ordinary arrays, so the only placement that is
 * both known and stable is G1's humongous objects: an array of at least half a heap region starts at a
 * region boundary and is never moved. Its first float is then the array header's size past the
 * boundary (16 bytes, 12 with compact object headers). So under G1 an aligned array is made at least
 * half a region long, when that is at most {@value #MAX_PADDED_BYTES} bytes. Anywhere else (another
 * collector, larger regions, a runtime without {@code jdk.management}) arrays are allocated as asked
 * and may straddle: the results are the same, only slower.
 */
public final class AlignedFloats {
  private static final int LINE = 64;
  private static final long MAX_PADDED_BYTES = 8L << 20;

  /** Floats before the aligned element (0 when alignment cannot be arranged). */
  public static final int OFFSET;
  /** The smallest array length G1 allocates as a humongous object, or 0 when not aligning. */
  private static final int HUMONGOUS_FLOATS;
  /** G1's heap region size in bytes, or 0 under another collector (or when it cannot be read). */
  private static final long REGION_BYTES = regionBytes();

  static {
    long[] layout = humongousLayout();
    OFFSET = (int) layout[0];
    HUMONGOUS_FLOATS = (int) layout[1];
  }

  private AlignedFloats() {}

  /** An array of at least {@code OFFSET + length} floats, aligned at {@link #OFFSET} when possible. */
  public static float[] allocate(int length) {
    return new float[Math.max(OFFSET + length, HUMONGOUS_FLOATS)];
  }

  /** The heap that {@link #allocate allocate(length)} takes, with G1's region rounding. */
  public static long allocatedBytes(int length) {
    return heapBytes(Math.max(OFFSET + (long) length, HUMONGOUS_FLOATS), Float.BYTES);
  }

  /**
   * The heap an array of {@code length} elements of {@code elementBytes} bytes takes: its header and
   * data, and under G1 whole regions for an array of half a region or more (a humongous object owns
   * its regions).
   */
  public static long heapBytes(long length, int elementBytes) {
    long bytes = (16 + length * elementBytes + 7) & ~7L;
    if (REGION_BYTES > 0 && 2 * bytes >= REGION_BYTES) {
      bytes = (bytes + REGION_BYTES - 1) / REGION_BYTES * REGION_BYTES;
    }
    return bytes;
  }

  private static long regionBytes() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || !flag(vm, "UseG1GC", false)) {
        return 0;
      }
      return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /** Whether arrays from {@link #allocate} are aligned on this JVM. */
  public static boolean isActive() {
    return HUMONGOUS_FLOATS > 0;
  }

  /** {offset, humongous length} under G1 with a known header, else {0, 0}. */
  private static long[] humongousLayout() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || !flag(vm, "UseG1GC", false)) {
        return new long[2];
      }
      boolean compact = flag(vm, "UseCompactObjectHeaders", false);
      if (!compact && !flag(vm, "UseCompressedClassPointers", true)) {
        return new long[2]; // uncompressed class pointers: a header size not worth guessing
      }
      int header = compact ? 12 : 16;
      long halfRegion = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue()) / 2;
      if (halfRegion <= 0 || halfRegion > MAX_PADDED_BYTES) {
        return new long[2];
      }
      return new long[] {(LINE - header) / Float.BYTES, halfRegion / Float.BYTES + 1};
    } catch (RuntimeException | LinkageError e) {
      return new long[2]; // no com.sun.management, or a JVM without these options
    }
  }

  private static boolean flag(HotSpotDiagnosticMXBean vm, String name, boolean absent) {
    try {
      return Boolean.parseBoolean(vm.getVMOption(name).getValue());
    } catch (IllegalArgumentException unknownOption) {
      return absent;
    }
  }
}
