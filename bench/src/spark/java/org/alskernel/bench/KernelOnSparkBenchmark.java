package org.alskernel.bench;

import org.alskernel.spark.KernelAls;
import org.alskernel.spark.KernelAlsModel;

/**
 * The kernel on Spark (the spark module's {@link KernelAls}) with the params of {@link
 * SparkAlsBenchmark}: the same DataFrame, fits, blocks, λ, α and seed, so the two compare as
 * engines. Set-up and timing: {@link SparkFits}.
 */
public class KernelOnSparkBenchmark extends SparkFits {
  @Override
  KernelAlsModel fit(int maxIter) {
    return new KernelAls()
        .setImplicitPrefs(true)
        .setRank(k)
        .setRegParam(0.1)
        .setAlpha(1.0)
        .setMaxIter(maxIter)
        .setSeed(42)
        .setNumUserBlocks(blocks)
        .setNumItemBlocks(blocks)
        .setUserCol("user")
        .setItemCol("item")
        .setRatingCol("rating")
        .fit(ratings);
  }
}
