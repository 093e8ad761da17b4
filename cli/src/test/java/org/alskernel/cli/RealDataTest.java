package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alskernel.store.ModelFile;
import org.alskernel.testing.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's session on the real ml-100k, smaller (k = 32, 8 iterations) to keep CI short. */
class RealDataTest {
  @TempDir Path dir;

  @Test
  void ml100kFromTrainingToRecommendations() throws Exception {
    Path data = SharedDatasets.require("ml-100k/u.data");
    Set<String> fileItems = Files.readAllLines(data).stream().map(l -> l.split("\t")[1])
        .collect(Collectors.toSet());
    Path model = dir.resolve("ml100k.alsm");
    Object[] settings = {"--format", "ml-100k", "-k", 32, "--iterations", 8};

    CliRun.of(concat(new Object[] {"train", data, "--model", model}, settings)).ok();
    assertEquals(943, ModelFile.load(model).userCount());

    CliRun rec = CliRun.of("recommend", "--model", model, "--user", "196", "--data", data,
        "--format", "ml-100k").ok();
    List<String> items = CommandsTest.firstColumn(rec.out());
    assertEquals(10, items.size(), rec.out());
    assertTrue(fileItems.containsAll(items), rec.out());

    List<String> similar = CommandsTest.firstColumn(
        CliRun.of("similar", "--model", model, "--item", "50").ok().out());
    assertEquals(10, similar.size());
    assertTrue(fileItems.containsAll(similar));

    CliRun eval = CliRun.of(concat(new Object[] {"evaluate", data}, settings)).ok();
    double[] als = metrics(eval.out(), "ALS");
    double[] pop = metrics(eval.out(), "popularity");
    for (int j = 0; j < als.length; j++) {
      assertTrue(als[j] > pop[j], "metric " + j + ": ALS " + als[j] + " vs popularity " + pop[j]
          + "\n" + eval.out());
    }
  }

  private static double[] metrics(String out, String model) {
    String line = out.lines().filter(l -> l.startsWith(model + " ")).findFirst().orElseThrow();
    String[] f = line.trim().split("\\s+");
    double[] v = new double[f.length - 1];
    for (int j = 1; j < f.length; j++) v[j - 1] = Double.parseDouble(f[j]);
    return v;
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = new Object[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
