package org.alskernel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlsVariantTest {
  @Test
  void labelsNameEveryVariantAndReadBack() {
    assertEquals(List.of("implicit", "implicit-biased", "explicit", "explicit-biased"), AlsVariant.labels());
    for (AlsVariant v : AlsVariant.values()) {
      assertEquals(v, AlsVariant.byLabel(v.label()));
      assertEquals(v, AlsVariant.byLabel(v.label().toUpperCase()));
      assertEquals(v, AlsVariant.byLabel(v.name()));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AlsVariant.byLabel("biased"));
    assertTrue(e.getMessage().contains("unknown variant 'biased' (one of implicit, implicit-biased,"),
        e.getMessage());
  }
}
