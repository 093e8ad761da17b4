package org.alskernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Small interaction files with an obvious structure: two taste groups. Users 1..30 rate items
 * 101..120, users 31..60 rate items 201..220, each user 10 items of its own group (ratings 3..5,
 * increasing timestamps), and one item of the other group rarely. A working model recommends a
 * user items of its own group and finds an item's neighbours in the same group.
 */
final class SyntheticFiles {
  static final int USERS = 60;

  private SyntheticFiles() {}

  /** u.data layout: user \t item \t rating \t timestamp; about 640 lines. */
  static Path uData(Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder s = new StringBuilder();
    long time = 880_000_000L;
    for (int u = 1; u <= USERS; u++) {
      int base = u <= USERS / 2 ? 100 : 200;
      int other = u <= USERS / 2 ? 200 : 100;
      boolean[] taken = new boolean[21];
      for (int j = 0; j < 10; j++) {
        int i;
        do {
          i = 1 + random.nextInt(20);
        } while (taken[i]);
        taken[i] = true;
        s.append(u).append('\t').append(base + i).append('\t').append(3 + random.nextInt(3))
            .append('\t').append(time++).append('\n');
      }
      if (u % 10 == 0) {
        s.append(u).append('\t').append(other + 1 + random.nextInt(20)).append("\t1\t").append(time++)
            .append('\n');
      }
    }
    Path file = dir.resolve("u.data");
    Files.writeString(file, s);
    return file;
  }

  /** The same entries as a CSV with a header and string ids ("u1", "i101"), no timestamps. */
  static Path csvWithStringIds(Path dir) throws IOException {
    StringBuilder s = new StringBuilder("user;item;count;time\n");
    for (String line : Files.readAllLines(uData(dir))) {
      String[] f = line.split("\t");
      s.append('u').append(f[0]).append(";i").append(f[1]).append(';').append(f[2]).append(";x\n");
    }
    Path file = dir.resolve("plays.csv");
    Files.writeString(file, s);
    return file;
  }

  /** Training options that keep a run well under a second. */
  static Object[] fast(Object... args) {
    Object[] extra = {"-k", 8, "--iterations", 5, "--threads", 2, "--lambda", 1, "--alpha", 10};
    Object[] all = new Object[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return all;
  }
}
