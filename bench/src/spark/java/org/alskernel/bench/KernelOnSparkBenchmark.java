package org.alskernel.bench;

import org.alskernel.spark.KernelAls;

/**
 * The kernel on Spark (the spark module's {@link KernelAls}) with the settings of {@link
 * SparkAlsBenchmark}: the same DataFrame, fits, blocks, λ, α and seed, so the two compare as
 * engines. Set-up, settings and timing: {@link SparkFits}.
 */
public class KernelOnSparkBenchmark extends SparkFits {
  @Override
  KernelAls engine() {
    return new KernelAls();
  }
}
