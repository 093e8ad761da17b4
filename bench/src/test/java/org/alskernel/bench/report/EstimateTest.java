package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {
  @Test
  void ratioCombinesRelativeErrorsInQuadrature() {
    // 3% and 4% relative errors give 5% on the ratio
    Estimate r = Estimate.ratio(Estimate.of(100, 3), Estimate.of(50, 2));
    assertEquals(2, r.value(), 1e-12);
    assertEquals(0.10, r.error(), 1e-12);
  }

  @Test
  void exactFactorKeepsTheRelativeError() {
    Estimate e = Estimate.of(4, 0.4).times(-2.5);
    assertEquals(-10, e.value(), 1e-12);
    assertEquals(1, e.error(), 1e-12);
  }

  @Test
  void unknownErrorStaysUnknownButTheValueIsKept() {
    Estimate r = Estimate.ratio(Estimate.of(300, Double.NaN), Estimate.of(5, 0.5));
    assertEquals(60, r.value(), 1e-12);
    assertTrue(Double.isNaN(r.error()));
    assertTrue(r.known());
  }
}
