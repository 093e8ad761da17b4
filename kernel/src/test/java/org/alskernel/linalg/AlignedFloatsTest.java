package org.alskernel.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedFloatsTest {
  @Test
  void arraysHoldTheRequestedFloatsPastTheOffset() {
    for (int length : new int[] {0, 1, 17, 4096, 300_000}) {
      assertTrue(AlignedFloats.allocate(length).length >= AlignedFloats.OFFSET + length, "length " + length);
    }
  }

  @Test
  void theOffsetIsLessThanOneVectorAndZeroWhenInactive() {
    assertTrue(AlignedFloats.OFFSET >= 0 && AlignedFloats.OFFSET < 16, "offset " + AlignedFloats.OFFSET);
    if (!AlignedFloats.isActive()) {
      assertEquals(0, AlignedFloats.OFFSET);
    }
  }

  /** Surefire forks a JVM with G1 and the default header, where both can be known. */
  @Test
  void activeUnderG1WithTheDefaultHeader() {
    List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    boolean otherGc = args.stream().anyMatch(a -> a.matches("-XX:\\+Use(Serial|Parallel|Z|Shenandoah|Epsilon)GC"));
    boolean otherHeader = args.stream().anyMatch(a -> a.contains("CompactObjectHeaders") || a.contains("CompressedClassPointers"));
    if (!otherGc && !otherHeader && ModuleLayer.boot().findModule("jdk.management").isPresent()) {
      assertTrue(AlignedFloats.isActive());
      assertEquals(12, AlignedFloats.OFFSET); // 64 − 16 header bytes, in floats
    }
  }
}
