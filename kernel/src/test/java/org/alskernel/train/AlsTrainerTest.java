package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {

  static CsrMatrix randomMatrix(long seed, int users, int items, int perUser) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < users; u++) {
      int n = u % 7 == 0 ? 0 : 1 + rnd.nextInt(perUser);
      for (int j = 0; j < n; j++) {
        b.add(u, rnd.nextInt(items), 1 + rnd.nextInt(5));
      }
    }
    return b.build(users, items);
  }

  @Test
  void lossDecreasesAndListenerSeesEveryIteration() {
    CsrMatrix m = randomMatrix(1, 300, 200, 30);
    List<IterationEvent> events = new ArrayList<>();
    AlsConfig config = AlsConfig.builder().factors(16).iterations(6).threads(2).computeLoss(true)
        .listener(e -> events.add(e)).build();
    FactorModel model = new AlsTrainer(config).fit(m);
    assertEquals(6, events.size());
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).loss() <= events.get(i - 1).loss() * (1 + 1e-5),
          "loss rose at iteration " + (i + 1) + ": " + events);
    }
    assertEquals(300, model.users());
    assertEquals(200, model.items());
    // Users with no interactions get the zero vector.
    assertArrayEquals(new float[16], model.userVector(0));
  }

  @Test
  void listenerCanStopEarly() {
    CsrMatrix m = randomMatrix(2, 50, 40, 10);
    int[] calls = {0};
    AlsConfig config = AlsConfig.builder().factors(4).iterations(10).threads(1)
        .listener(e -> ++calls[0] < 3).build();
    new AlsTrainer(config).fit(m);
    assertEquals(3, calls[0]);
  }

  @Test
  void cancelStopsWithCancellationException() {
    CsrMatrix m = randomMatrix(3, 50, 40, 10);
    AlsTrainer[] trainer = new AlsTrainer[1];
    AlsConfig config = AlsConfig.builder().factors(4).iterations(10).threads(1)
        .listener(e -> {
          trainer[0].cancel();
          return true;
        }).build();
    trainer[0] = new AlsTrainer(config);
    assertThrows(CancellationException.class, () -> trainer[0].fit(m));
  }

  @Test
  void badConfigurationIsRefusedUpFront() {
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().factors(0).build());
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().lambda(-1).build());
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().lambda(Float.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().alpha(-0.5f).build());
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().logConfidence(0).build());
    assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().threads(0).build());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AlsConfig.builder().initScale(Float.NaN).build());
    assertTrue(e.getMessage().contains("initScale"), e.getMessage());
  }

  @Test
  void tooManyFactorsForTheHeapIsRefusedBeforeAllocating() {
    CsrMatrix huge = new CsrBuilder().build(50_000_000, 10);
    AlsConfig config = AlsConfig.builder().factors(4096).iterations(1).threads(1).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AlsTrainer(config).fit(huge));
    assertTrue(e.getMessage().contains("k = 4096"), e.getMessage());
  }
}
