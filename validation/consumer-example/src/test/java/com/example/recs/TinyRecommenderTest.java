package com.example.recs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alskernel.model.FactorModel;
import org.alskernel.train.AlsConfig;
import org.junit.jupiter.api.Test;

class TinyRecommenderTest {

  @Test
  void kernelIsANamedModuleThatExportsItsApiAndKeepsItsSimdKernels() throws Exception {
    Module kernel = AlsConfig.class.getModule();
    assertEquals("org.alskernel", kernel.getName(), "als-kernel should be on the module path");
    assertTrue(kernel.isExported("org.alskernel.train"));
    assertTrue(kernel.isExported("org.alskernel.data"));
    assertTrue(kernel.isExported("org.alskernel.sweep"), "the block sweep is public");
    assertTrue(kernel.isExported("org.alskernel.linalg"), "its blocks are made of linalg types");
    assertFalse(kernel.isExported("org.alskernel.simd"));
  }

  @Test
  void heldOutItemOfTheUsersCommunityScoresHigher() {
    FactorModel model = TinyRecommender.train(TinyRecommender.twoCommunities());
    assertTrue(model.score(0, 0) > model.score(0, 5));
    assertTrue(model.score(3, 5) > model.score(3, 0));
  }
}
