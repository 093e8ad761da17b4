package com.example.recs;

import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;

/** Trains implicit ALS on a tiny hand-made matrix through the kernel's public API only. */
public final class TinyRecommender {
  private TinyRecommender() {}

  /** Users 0-1 like items 0-2, users 2-3 like items 3-5. */
  public static CsrMatrix twoCommunities() {
    CsrBuilder b = new CsrBuilder();
    for (int u = 0; u < 4; u++) {
      for (int i = 0; i < 3; i++) {
        if (u * 3 + i != 0 && u * 3 + i != 11) { // hold out (0,0) and (3,5)
          b.add(u, u < 2 ? i : i + 3, 1f);
        }
      }
    }
    return b.build(4, 6);
  }

  public static FactorModel train(CsrMatrix m) {
    AlsConfig config = AlsConfig.builder().factors(2).lambda(0.1f).alpha(10f).iterations(10).threads(1).build();
    return new AlsTrainer(config).fit(m);
  }

  public static void main(String[] args) {
    FactorModel model = train(twoCommunities());
    System.out.printf("score(user 0, item 0) = %.3f, score(user 0, item 5) = %.3f%n",
        model.score(0, 0), model.score(0, 5));
  }
}
