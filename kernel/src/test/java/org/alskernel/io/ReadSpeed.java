package org.alskernel.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.alskernel.data.Interactions;

/**
 * A quick single-thread timing of {@link Formats#MOVIELENS_100K} (not a test, not a benchmark: the
 * JMH benchmark lives in the bench module). Usage:
 *
 * <pre>{@code java -cp kernel/target/classes:kernel/target/test-classes -Xmx8g \
 *     org.alskernel.io.ReadSpeed /tmp/synthetic-u.data [lines=20000000] [runs=6]}</pre>
 *
 * <p>Writes a synthetic u.data-style file (100k users, 20k items, ratings 1-5, 9-10 digit
 * timestamps) at the path if it does not exist yet, then reads it {@code runs} times and prints each
 * run's lines per second and the best. The caller deletes the file.
 */
public final class ReadSpeed {
  private ReadSpeed() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 20_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    if (!Files.exists(file)) generate(file, lines);
    System.out.printf("%s: %,d bytes%n", file, Files.size(file));
    double best = 0;
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      Interactions x = Formats.MOVIELENS_100K.read(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = x.size() / seconds;
      best = Math.max(best, rate);
      System.out.printf("run %d: %,d lines (%d users, %d items) in %.3f s = %,.0f lines/s%n",
          run, x.size(), x.users().size(), x.items().size(), seconds, rate);
    }
    System.out.printf("best: %,.0f lines/s%n", best);
  }

  private static void generate(Path file, int lines) throws IOException {
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
}
