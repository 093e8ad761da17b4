package org.alskernel.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.bench.report.JmhJson;
import org.alskernel.bench.report.MachineInfo;
import org.alskernel.bench.report.Report;
import org.alskernel.bench.report.SuitePlan;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The default benchmark suite in one command: runs the peak, kernel, sweep and baseline benchmarks
 * with the gc profiler, writes {@code results/<host>-<date>[-label]/} with JMH's JSON, the machine
 * file and the report (see bench/run-suite.sh and docs/benchmarks.md).
 *
 * <pre>Suite [--full | --smoke] [--spark] [--out DIR] [--label NAME] [--jvm-arg ARG]...</pre>
 *
 * The quick profile (default) finishes in about 18 minutes on 2 cores: every kernel at every k, the
 * sweeps and baselines at k = 64, and one iteration of each solver on every core up to k = 256.
 * {@code --full} runs every parameter the benchmarks declare; {@code --smoke} runs one peak and one
 * tiny kernel benchmark for one short iteration, so that CI exercises the whole path from JMH to the
 * report. {@code --spark} adds the Spark MLlib ALS baseline
 * (SparkAlsBenchmark, with the kernel's iterations it is compared with), which exists only in a build
 * with the Maven profile {@code spark} and runs only with Spark on the class path (bench/run-suite.sh
 * --spark does both).
 */
public final class Suite {
  private static final String[] KS = {"16", "32", "64", "100", "128", "256"};
  private static final String[] SWEEP_DATA = {"synthetic-5m", "ml-100k", "lastfm"};
  private static final String[] FULL_SWEEP_DATA = {"synthetic-5m", "ml20m-shape", "ml-100k", "lastfm"};

  static final String SPARK_BENCHMARK = "org.alskernel.bench.SparkAlsBenchmark";
  static final String SPARK_ALS = "org.apache.spark.ml.recommendation.ALS";
  static final String SPARK_HELP = "build with the Maven profile spark and run with Spark on the class path:\n"
      + "    mvn -B -Pspark -pl kernel,validation,bench -am package -DskipTests\n"
      + "    java --add-modules jdk.incubator.vector -cp \"bench/target/benchmarks.jar:bench/target/spark-lib/*\""
      + " org.alskernel.bench.Suite --spark ...\n"
      + "(bench/run-suite.sh --spark does both)";

  private final String profile;
  private final boolean spark;
  private final List<String> forkArgs;
  private final Path dir;
  private int part;
  /** Each part's include patterns, for the report's plan ({@link SuitePlan}). */
  private final List<List<String>> includes = new ArrayList<>();

  private Suite(String profile, boolean spark, List<String> forkArgs, Path dir) {
    this.profile = profile;
    this.spark = spark;
    this.forkArgs = forkArgs;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    String profile = "quick";
    boolean spark = false;
    String label = null;
    Path out = null;
    List<String> forkArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> profile = "full";
        case "--smoke" -> profile = "smoke";
        case "--spark" -> spark = true;
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--label" -> label = value(args, ++i, "--label");
        case "--jvm-arg" -> forkArgs.add(value(args, ++i, "--jvm-arg"));
        default -> {
          System.err.println("unknown argument " + args[i]
              + "\nusage: Suite [--full | --smoke] [--spark] [--out DIR] [--label NAME] [--jvm-arg ARG]...");
          System.exit(2);
        }
      }
    }
    if (spark && !sparkOnClassPath()) {
      System.err.println("--spark: SparkAlsBenchmark or Spark itself is not on the class path; "
          + SPARK_HELP);
      System.exit(2);
    }
    if (out == null) {
      String host = InetAddress.getLocalHost().getHostName();
      out = Path.of("results", host + "-" + LocalDate.now() + (label == null ? "" : "-" + label));
    }
    Files.createDirectories(out);
    new Suite(profile, spark, forkArgs, out).run();
  }

  /** True when this build has SparkAlsBenchmark (profile spark) and Spark MLlib can be loaded. */
  static boolean sparkOnClassPath() {
    try {
      Class.forName(SPARK_BENCHMARK, false, Suite.class.getClassLoader());
      Class.forName(SPARK_ALS, false, Suite.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      System.err.println(flag + " needs a value");
      System.exit(2);
    }
    return args[i];
  }

  private void run() throws IOException, RunnerException {
    MachineInfo.write(dir, forkArgs);
    if (profile.equals("smoke")) {
      // Nothing here is a measurement, so another JMH run on the machine need not block it.
      System.setProperty("jmh.ignoreLock", "true");
      jmh(opts("PeakBenchmark\\.floatOneThread|RowBuildBenchmark").param("k", "16")
          .param("interactions", "7").param("ops", "vector").warmupIterations(0)
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(200)));
    } else {
      jmh(opts("PeakBenchmark").warmupIterations(2).measurementIterations(3));
    }
    if (profile.equals("full")) {
      jmh(opts("RowBuildBenchmark|CholeskyBenchmark|BatchedCholeskyBenchmark|GramBenchmark"
          + "|RowSolveBenchmark|NeighbourProductBenchmark|ConjugateGradientRowBenchmark|ReadBenchmark"));
      jmh(opts("ScatteredRowsBenchmark").param("ops", "vector"));
      jmh(opts("SweepBenchmark\\.").param("data", FULL_SWEEP_DATA));
      jmh(opts("BaselineSweepBenchmark").param("impl", "textbook", "spark-native", "spark-java")
          .param("data", FULL_SWEEP_DATA));
      jmh(opts("BaselineSweepBenchmark").param("impl", "dense").param("data", "ml-100k"));
    } else if (profile.equals("quick")) {
      jmh(kernel("RowBuildBenchmark"));
      jmh(kernel("CholeskyBenchmark|BatchedCholeskyBenchmark|GramBenchmark"));
      jmh(kernel("RowSolveBenchmark|NeighbourProductBenchmark|ConjugateGradientRowBenchmark")
          .param("interactions", "64"));
      jmh(sweep("userHalfSweep", SWEEP_DATA, "64").param("solver", "cholesky")
          .param("ops", "vector").param("threads", "1", "all"));
      jmh(sweep("userHalfSweep", SWEEP_DATA, "64").param("solver", "cholesky")
          .param("ops", "scalar").param("threads", "1"));
      // Both solvers on every core up to k = 256: the conjugate-gradient targets (docs/benchmarks.md).
      jmh(sweep("iteration", new String[] {"synthetic-5m"}, "32", "64", "128", "256")
          .param("solver", "cholesky", "cg").param("ops", "vector").param("threads", "all")
          .warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(2)));
      jmh(sweep("userHalfSweep", new String[] {"ml20m-shape"}, "64").param("solver", "cholesky")
          .param("ops", "vector").param("threads", "all"));
      // Conjugate gradient vs Cholesky, one iteration on one thread (docs/benchmarks.md).
      jmh(sweep("iteration", new String[] {"synthetic-5m", "lastfm"}, "32", "64", "128")
          .param("solver", "cholesky", "cg").param("ops", "vector").param("threads", "1"));
      // ... and CG with fewer steps than the default, where the time and accuracy trade.
      jmh(sweep("iteration", new String[] {"synthetic-5m", "lastfm"}, "64").param("solver", "cg")
          .param("cgSteps", "1", "2").param("ops", "vector").param("threads", "1"));
      jmh(opts("BaselineSweepBenchmark").param("impl", "textbook", "spark-native", "spark-java")
          .param("data", SWEEP_DATA).param("k", "64"));
      jmh(opts("BaselineSweepBenchmark").param("impl", "dense").param("data", "ml-100k").param("k", "64"));
      jmh(opts("ReadBenchmark"));
    }
    if (spark) {
      runSpark();
    }
    mergeParts();
    new SuitePlan(profile, includes).write(dir);
    Report.generate(dir);
    System.out.println("report: " + dir.resolve("report.md").toAbsolutePath());
  }

  /**
   * SparkAlsBenchmark (both fits, see its Javadoc) and the kernel iterations it is compared with:
   * smoke, one short fit pair on ml-100k; quick, the sweep datasets at k = 64 on 1 and all threads;
   * full, every param it declares.
   */
  private void runSpark() throws RunnerException {
    switch (profile) {
      case "smoke" -> jmh(opts("SparkAlsBenchmark").param("data", "ml-100k").param("k", "32")
          .param("threads", "1").warmupIterations(0).measurementIterations(1));
      case "quick" -> {
        jmh(sweep("iteration", new String[] {"ml-100k", "lastfm"}, "64").param("solver", "cholesky")
            .param("ops", "vector").param("threads", "1", "all"));
        jmh(opts("SparkAlsBenchmark").param("data", SWEEP_DATA).param("k", "64"));
      }
      default -> jmh(opts("SparkAlsBenchmark"));
    }
  }

  private ChainedOptionsBuilder opts(String include) {
    ChainedOptionsBuilder b = new OptionsBuilder()
        .include("org\\.alskernel\\.bench\\.(" + include + ")")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(false)
        .forks(1);
    if (!forkArgs.isEmpty()) {
      b.jvmArgsPrepend(forkArgs.toArray(String[]::new));
    }
    return b;
  }

  /** Kernel benchmarks: every k, both kernel implementations, short iterations. */
  private ChainedOptionsBuilder kernel(String include) {
    return opts(include).param("k", KS)
        .warmupIterations(1).warmupTime(TimeValue.seconds(1))
        .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
  }

  /**
   * A SweepBenchmark method on the given data and k. The caller sets the solver (else JMH runs both)
   * and every other param once: JMH appends the values of a param given twice.
   */
  private ChainedOptionsBuilder sweep(String method, String[] data, String... ks) {
    return opts("SweepBenchmark\\." + method).param("k", ks).param("data", data)
        .warmupIterations(2).measurementIterations(3);
  }

  private void jmh(ChainedOptionsBuilder options) throws RunnerException {
    Path file = dir.resolve("jmh-part-" + (part++) + ".json");
    Options built = options.resultFormat(ResultFormatType.JSON).result(file.toString()).build();
    includes.add(built.getIncludes());
    new Runner(built).run();
  }

  /**
   * Joins the per-run JSON arrays into one {@code jmh.json}, marking each result with its run's
   * index, so that the report can tell a failed benchmark from one a profile did not ask for.
   */
  private void mergeParts() throws IOException {
    JsonArray all = new JsonArray();
    for (int i = 0; i < part; i++) {
      Path file = dir.resolve("jmh-part-" + i + ".json");
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
          for (JsonElement e : JsonParser.parseString(text).getAsJsonArray()) {
            e.getAsJsonObject().addProperty(JmhJson.PART, i);
            all.add(e);
          }
        }
        Files.delete(file);
      }
    }
    Files.writeString(dir.resolve("jmh.json"),
        new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(all) + "\n",
        StandardCharsets.UTF_8);
  }
}
