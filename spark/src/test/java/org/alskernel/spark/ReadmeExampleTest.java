package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alskernel.model.AlsModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples of "Train on Apache Spark": the Java one line for line, the Scala one
 * compiled from the README itself by the Scala compiler and run.
 */
class ReadmeExampleTest {
  private static final String SECTION = "## Train on Apache Spark";

  @Test
  void theReadmeExampleRuns(@TempDir Path dir) throws java.io.IOException {
    SparkSession spark = LocalSpark.get();
    Ratings data = Ratings.synthetic(80, 40, 6, 2);
    String ratingsFile = dir.resolve("ratings.parquet").toString();
    data.frame(spark).write().parquet(ratingsFile);
    String modelDir = dir.resolve("models/als").toString();

    Dataset<Row> ratings = spark.read().parquet(ratingsFile);          // user, item, rating
    KernelAlsModel model = new KernelAls()
        .setImplicitPrefs(true).setRank(64).setRegParam(0.1).setAlpha(1.0)
        .setMaxIter(10).setNumUserBlocks(8).setNumItemBlocks(8)
        .fit(ratings);
    Dataset<Row> top10 = model.recommendForAllUsers(10);              // user, recommendations
    Dataset<Row> scored = model.transform(ratings);                    // adds "prediction"
    model.write().overwrite().save(modelDir);                          // Spark ML persistence
    AlsModel local = KernelAlsModel.load(modelDir).toAlsModel();       // served by one JVM

    assertEquals(data.userIds().length, top10.count());
    assertEquals(data.rows().size(), scored.filter("NOT isnan(prediction)").count());
    assertEquals(data.userIds().length, local.userCount());
    assertEquals(64, local.factors().k());
  }

  /** The Java example's block ("```java spark", which the kernel's README test leaves alone). */
  @Test
  void theJavaExampleAboveIsTheReadmes() throws java.io.IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```java spark\n", readme.indexOf(SECTION));
    assertTrue(start >= 0, "the README's Spark section has no Java example");
    start += "```java spark\n".length();
    String test = Files.readString(
        Path.of("src/test/java/org/alskernel/spark/ReadmeExampleTest.java"));
    for (String line : readme.substring(start, readme.indexOf("```", start)).split("\n")) {
      assertTrue(test.contains(line.strip()), "the README's line is not in this test: " + line);
    }
  }

  @Test
  void theReadmeScalaExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf(SECTION);
    int start = readme.indexOf("```scala\n", section) + "```scala\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    Path source = dir.resolve("ReadmeScalaExample.scala");
    Files.writeString(source, "object ReadmeScalaExample {\n"
        + "  def run(ratings: org.apache.spark.sql.DataFrame): Unit = {\n" + snippet + "  }\n}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertTrue(scala.tools.nsc.Main.process(new String[] {"-usejavacp", "-nowarn", "-d",
        classes.toString(), source.toString()}), "the README's Scala example does not compile");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Method run = loader.loadClass("ReadmeScalaExample").getMethod("run", Dataset.class);
      run.invoke(null, Ratings.synthetic(60, 30, 5, 3).frame(LocalSpark.get()));
    }
  }
}
