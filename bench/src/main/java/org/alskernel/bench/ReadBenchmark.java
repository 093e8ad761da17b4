package org.alskernel.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alskernel.data.Interactions;
import org.alskernel.io.Formats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a MovieLens-100K-style file (user, item, rating, timestamp; tab-separated) of {@code lines}
 * lines into {@link Interactions}, one thread, including the id maps and trimmed arrays. The file is
 * generated in a temporary folder (100,000 users, 20,000 items) and deleted afterwards. Lines per
 * second = lines / score.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class ReadBenchmark {
  @Param({"20000000"})
  public int lines;

  private Path file;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file = Files.createTempFile("alskernel-read-", ".data");
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder line = new StringBuilder(64);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int n = 0; n < lines; n++) {
        line.setLength(0);
        line.append(1 + random.nextInt(100_000)).append('\t')
            .append(1 + random.nextInt(20_000)).append('\t')
            .append(1 + random.nextInt(5)).append('\t')
            .append(874_000_000 + random.nextInt(500_000_000)).append('\n');
        out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Interactions readMovieLens100kFormat() throws IOException {
    return Formats.MOVIELENS_100K.read(file);
  }
}
