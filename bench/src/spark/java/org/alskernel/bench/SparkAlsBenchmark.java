package org.alskernel.bench;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;

/**
 * Spark MLlib's ALS (implicitPrefs, local mode) on the matrix and k of {@link SweepBenchmark}: the
 * baseline most JVM users would otherwise run. Set-up and timing: {@link SparkFits}.
 */
public class SparkAlsBenchmark extends SparkFits {
  @Override
  ALSModel fit(int maxIter) {
    ALS als = new ALS()
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
        .setRatingCol("rating");
    return als.fit(ratings);
  }
}
