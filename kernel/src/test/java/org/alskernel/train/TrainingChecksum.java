package org.alskernel.train;

import java.util.Arrays;
import org.alskernel.data.CsrMatrix;
import org.alskernel.model.FactorModel;

/**
 * Run in child JVMs by {@link JitIndependenceTest}: trains a small model and prints a hash of the
 * factors' bits and of the loss.
 */
public final class TrainingChecksum {
  private TrainingChecksum() {}

  public static void main(String[] args) {
    CsrMatrix m = AlsTrainerTest.randomMatrix(5, 120, 90, 25);
    double[] loss = {0};
    AlsConfig config = AlsConfig.builder().factors(Integer.parseInt(args[0])).iterations(3)
        .threads(Integer.parseInt(args[1])).computeLoss(true)
        .listener(e -> {
          loss[0] = e.loss();
          return true;
        }).build();
    FactorModel model = new AlsTrainer(config).fit(m);
    System.out.println("checksum=" + Arrays.hashCode(model.userFactors()) + "/"
        + Arrays.hashCode(model.itemFactors()) + "/" + Double.doubleToLongBits(loss[0]));
  }
}
