package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeUnitsTest {
  private static final double TOL = 1e-12;

  @Test
  void timePerOpUnitsScaleTheScore() {
    assertEquals(2e-9, TimeUnits.secondsPerOp(2, "ns/op"), TOL);
    assertEquals(2e-6, TimeUnits.secondsPerOp(2, "us/op"), TOL);
    assertEquals(2e-6, TimeUnits.secondsPerOp(2, "µs/op"), TOL);
    assertEquals(2e-3, TimeUnits.secondsPerOp(2, "ms/op"), TOL);
    assertEquals(2, TimeUnits.secondsPerOp(2, "s/op"), TOL);
    assertEquals(120, TimeUnits.secondsPerOp(2, "min/op"), TOL);
  }

  @Test
  void throughputUnitsAreInverted() {
    assertEquals(0.5, TimeUnits.secondsPerOp(2, "ops/s"), TOL);
    assertEquals(0.5e-3, TimeUnits.secondsPerOp(2, "ops/ms"), TOL);
    assertEquals(0.5e-6, TimeUnits.secondsPerOp(2, "ops/us"), TOL);
    assertEquals(30, TimeUnits.secondsPerOp(2, "ops/min"), TOL);
  }

  @Test
  void otherUnitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeUnits.secondsPerOp(1, "B/op"));
    assertThrows(IllegalArgumentException.class, () -> TimeUnits.secondsPerOp(1, "MB/sec"));
  }
}
