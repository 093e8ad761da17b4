package org.alskernel.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark: local mode with two worker threads, one session for the whole JVM. Each task may
 * be tried twice ({@code local[2,2]}) so a test can make one attempt fail and watch Spark recompute it.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2,2]")
          .appName("als-kernel-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
    }
    return session;
  }
}
