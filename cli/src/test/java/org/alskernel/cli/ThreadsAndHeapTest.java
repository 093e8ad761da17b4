package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as a user runs it, in a JVM of its own with a 1 GB heap: a thread count whose scratch fits
 * trains (300 workers' scratch takes 600 MB there), one that does not (1,000) is refused up front
 * with one line and exit 1, and nothing hangs.
 */
class ThreadsAndHeapTest {
  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void data() throws Exception {
    data = SyntheticFiles.uData(dir);
  }

  private record Run(int code, String stdout, String stderr) {}

  private static Run als(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "-Xmx1g", "-XX:+UseG1GC",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the tool hung");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8).lines()
            .filter(l -> !l.startsWith("WARNING: Using incubator")).reduce("", (a, b) -> a + b + "\n"));
  }

  @Test
  void tooManyThreadsForTheHeapAreRefusedUpFront() throws Exception {
    Path model = dir.resolve("many.alsm");
    Run r = als("train", data.toString(), "--format", "ml-100k", "--model", model.toString(),
        "--threads", "1000", "-k", "8", "--iterations", "2");
    assertEquals(1, r.code(), r.stderr());
    assertEquals(1, r.stderr().strip().lines().filter(l -> l.startsWith("als")).count(), r.stderr());
    assertTrue(r.stderr().contains("1000 worker threads need about") && r.stderr()
        .contains("raise -Xmx"), r.stderr());
    assertFalse(r.stderr().contains("iteration 1"), "refused before training:\n" + r.stderr());
    assertFalse(Files.exists(model));
  }

  @Test
  void aThreadCountThatFitsTrainsTheSameModel() throws Exception {
    Path one = dir.resolve("one.alsm");
    Path many = dir.resolve("three-hundred.alsm");
    assertEquals(0, als("train", data.toString(), "--format", "ml-100k", "--model", one.toString(),
        "--threads", "1", "-k", "8", "--iterations", "2").code());
    Run r = als("train", data.toString(), "--format", "ml-100k", "--model", many.toString(),
        "--threads", "300", "-k", "8", "--iterations", "2");
    assertEquals(0, r.code(), r.stderr());
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(many)),
        "results do not depend on the thread count");
  }
}
