package org.alskernel.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any command line the fuzzer puts together: the tool ends with exit 0, or with exit 1 or 2 and
 * stderr ending in one error line that is neither a stack trace nor an internal error. Paths come only from a sandbox
 * folder, so a fuzzed run cannot write anywhere else, and the sizes that set how long training runs
 * (k, iterations, threads, n) are capped, so a valid run stays short; everything else is fuzzed.
 */
class ArgumentsFuzzTest {
  private static final String[] COMMANDS = {"train", "evaluate", "recommend", "similar", "export",
      "tune", "generate-completion", "bogus", ""};
  private static final String[] OPTIONS = {
      "--model", "--chart", "--format", "--sep", "--user-col", "--item-col", "--value-col",
      "--time-col", "--columns", "--header", "--string-ids", "--min-value", "--binary", "-k",
      "--factors", "--lambda", "--alpha", "--log-confidence", "--iterations", "--seed", "--threads",
      "--cg-steps", "--plain", "--split", "--test-fraction", "--leave-out", "--at", "--user",
      "--item", "-n", "--data", "--help", "--version", "--unknown", "-", "--users", "--all-users",
      "--exclude-items", "--output", "--out", "--variant", "--solver", "--weighting", "--bm25-k1",
      "--bm25-b", "--nu", "--unobserved-weight", "--config", "--budget", "--space",
      "--validation-fraction", "--split-seed", "--trials"};
  /** Options whose value makes a valid run long: capped at the second number. */
  private static final List<String> SIZES = List.of("-k", "--factors", "--iterations", "--threads",
      "--cg-steps", "-n", "--at", "--leave-out");
  private static final long[] CAPS = {16, 16, 3, 4, 4, 50, 50, 5};
  private static final List<String> PATH_OPTIONS = List.of("--model", "--chart", "--data", "--users",
      "--exclude-items", "--out", "--config", "--trials");

  /** The line of a failure nobody anticipated (ErrorMessages), as opposed to an argument's text. */
  private static final Pattern INTERNAL = Pattern.compile("^als( [a-z]+)?: internal error: ");
  /** A note a command prints before its result or its error (CountHint, unknown items to exclude). */
  private static final Pattern NOTE = Pattern.compile("^als( [a-z-]+)?: note: ");

  private static Path sandbox;
  private static Path[] paths;

  @BeforeAll
  static void sandbox() throws Exception {
    sandbox = Files.createTempDirectory("als-args-fuzz");
    Path data = SyntheticFiles.uData(sandbox);
    Path model = sandbox.resolve("m.alsm");
    CliRun.of(SyntheticFiles.fast("train", data, "--format", "ml-100k", "--model", model)).ok();
    Path settings = Files.writeString(sandbox.resolve("tuned.cfg"), "factors = 4\niterations = 2\n");
    paths = new Path[] {data, model, settings, sandbox, sandbox.resolve("new.alsm"),
        sandbox.resolve("chart.svg"), sandbox.resolve("missing/x"), Files.createDirectories(
            sandbox.resolve("sub"))};
  }

  /** The sandbox and whatever the fuzzed runs wrote into it, so that no run leaves a folder behind. */
  @AfterAll
  static void removeSandbox() throws IOException {
    if (sandbox == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(sandbox)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @FuzzTest(maxDuration = "20s")
  void everyCommandLineEndsInAResultOrANamedError(FuzzedDataProvider in) throws IOException {
    List<String> args = new ArrayList<>();
    args.add(COMMANDS[in.consumeInt(0, COMMANDS.length - 1)]);
    if (in.consumeBoolean()) {
      args.add(path(in));
    }
    int options = in.consumeInt(0, 8);
    for (int j = 0; j < options && in.remainingBytes() > 0; j++) {
      String option = OPTIONS[in.consumeInt(0, OPTIONS.length - 1)];
      args.add(option);
      if (PATH_OPTIONS.contains(option)) {
        args.add(path(in));
      } else if (in.consumeBoolean()) {
        args.add(value(option, in.consumeString(24)));
      }
    }
    if (args.getFirst().equals("tune") && !args.contains("--budget")) {
      args.addAll(List.of("--budget", "2")); // the default 60 trials would slow the fuzzing down
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(args.toArray(String[]::new), o, e);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    if (code == 0) {
      return;
    }
    if (code != 1 && code != 2) {
      throw new AssertionError("exit " + code + " for " + args + ":\n" + stderr);
    }
    // messages a command printed before failing (what it read, its settings) may come first; the
    // error is the last line, and the only one that starts with the command's name
    List<String> lines = stderr.strip().lines().toList();
    if (lines.isEmpty() || !lines.getLast().startsWith("als")
        || lines.stream().filter(l -> l.startsWith("als") && !NOTE.matcher(l).find()).count() != 1
        || INTERNAL.matcher(lines.getLast()).find()
        || lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by: "))) {
      throw new AssertionError("not one named error for " + args + ":\n" + stderr);
    }
    for (char c : stderr.strip().toCharArray()) {
      if (c < 0x20 && c != '\t' || c == 0x7f || Character.getType(c) == Character.FORMAT) {
        throw new AssertionError("raw control character " + (int) c + " on stderr for " + args);
      }
    }
  }

  private static String path(FuzzedDataProvider in) {
    return paths[in.consumeInt(0, paths.length - 1)].toString();
  }

  /**
   * A fuzzed value that cannot name a path outside the sandbox: no '/', and no option of its own
   * (which could be an output option taking the next argument); a number above its option's cap is
   * replaced by the cap.
   */
  private static String value(String option, String raw) {
    raw = raw.replace('/', '_');
    if (raw.startsWith("-") && !isNumber(raw)) {
      raw = "x" + raw;
    }
    if (option.equals("--budget")) {
      // at most 3 trials or 1 s, in any of the forms the option takes; small and bad values stay
      String number = raw.strip().replaceFirst("[sSmM]$", "");
      if (!isNumber(number) || Double.parseDouble(number) <= 1) {
        return raw;
      }
      return number.length() < raw.strip().length() ? "1s" : "3";
    }
    int at = SIZES.indexOf(option);
    if (at < 0) {
      return raw;
    }
    try {
      return Long.parseLong(raw.strip()) > CAPS[at] ? String.valueOf(CAPS[at]) : raw;
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
