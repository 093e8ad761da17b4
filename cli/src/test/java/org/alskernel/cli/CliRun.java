package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of the tool with captured streams. */
record CliRun(int code, String out, String err) {

  static CliRun of(Object... args) {
    String[] a = new String[args.length];
    for (int j = 0; j < args.length; j++) a[j] = String.valueOf(args[j]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(a, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Asserts success, showing stderr when it failed. */
  CliRun ok() {
    assertEquals(0, code, () -> "exit code " + code + ", stderr:\n" + err);
    return this;
  }

  /**
   * Asserts a failure with {@code expected} as exit code, stderr ending in one error line (starting
   * with the command's name) and no stack trace. Messages a command printed before failing (what it
   * read, its settings) may come before the error.
   */
  CliRun fails(int expected) {
    assertEquals(expected, code, () -> "exit code " + code + ", stdout:\n" + out + "\nstderr:\n" + err);
    assertFalse(err.contains("Exception"), () -> "exception name on stderr:\n" + err);
    assertFalse(err.contains("\tat "), () -> "stack trace on stderr:\n" + err);
    List<String> lines = err.strip().lines().toList();
    assertTrue(lines.getLast().startsWith("als"), () -> "not an error line last:\n" + err);
    assertEquals(1, lines.stream().filter(l -> l.startsWith("als")).count(),
        () -> "not one error line:\n" + err);
    return this;
  }
}
