package org.alskernel.bench;

import org.apache.spark.ml.recommendation.ALS;

/**
 * Spark MLlib's ALS (implicitPrefs, local mode) on the matrix and k of {@link SweepBenchmark}: the
 * baseline most JVM users would otherwise run. Set-up, settings and timing: {@link SparkFits}.
 */
public class SparkAlsBenchmark extends SparkFits {
  @Override
  ALS engine() {
    return new ALS();
  }
}
