package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong arguments exit 2, everything else that goes wrong exits 1, and both print one line on stderr
 * that says what is wrong, never a stack trace ({@link CliRun#fails} checks that much each time).
 */
class ErrorsTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void train() throws Exception {
    data = SyntheticFiles.uData(dir);
    model = dir.resolve("m.alsm");
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model)).ok();
  }

  // ---- usage errors: exit 2 ----

  @Test
  void unknownCommand() {
    assertTrue(CliRun.of("trian", data).fails(2).err().contains("unknown command 'trian'"));
  }

  @Test
  void noCommand() {
    assertTrue(CliRun.of().fails(2).err().contains("missing command"));
  }

  @Test
  void missingRequiredOption() {
    String err = CliRun.of("train", data, "--format", "ml-100k").fails(2).err();
    assertTrue(err.contains("--model"), err);
    assertTrue(CliRun.of("recommend", "--model", model).fails(2).err().contains("--user"));
    assertTrue(CliRun.of("train", data, "--model", model).fails(2).err().contains("--format"));
  }

  @Test
  void nonNumericK() {
    String err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "-k", "abc").fails(2).err();
    assertTrue(err.contains("'abc' is not an int"), err);
  }

  @Test
  void nonPositiveKAndOtherOutOfRangeNumbers() {
    Object[][] cases = {
        {"-k", 0}, {"-k", -3}, {"-k", 5000}, {"--lambda", -1}, {"--alpha", "NaN"}, {"--iterations", 0},
        {"--threads", 0}, {"--threads", 32768}, {"--log-confidence", 0}, {"--cg-steps", 0}};
    for (Object[] c : cases) {
      String err = CliRun.of("train", data, "--format", "ml-100k", "--model", dir.resolve("x"), c[0], c[1])
          .fails(2).err();
      assertTrue(err.contains(String.valueOf(c[0])), Arrays.toString(c) + ": " + err);
    }
    assertFalse(Files.exists(dir.resolve("x")), "nothing trained, nothing written");
    CliRun.of("evaluate", data, "--format", "ml-100k", "--test-fraction", 1.5).fails(2);
    CliRun.of("evaluate", data, "--format", "ml-100k", "--at", 0).fails(2);
    CliRun.of("recommend", "--model", model, "--user", "3", "-n", 0).fails(2);
  }

  @Test
  void outOfRangeColumnsAndValuesAreArgumentErrors() {
    Object[][] cases = {
        {"--user-col", "2000000000", "--item-col", "1"},
        {"--user-col", "0", "--item-col", "1", "--columns", "2147483647"},
        {"--user-col", "0", "--item-col", "-1"}};
    for (Object[] c : cases) {
      Object[] args = new Object[6 + c.length];
      System.arraycopy(new Object[] {"train", data, "--format", "delimited", "--model",
          dir.resolve("y")}, 0, args, 0, 6);
      System.arraycopy(c, 0, args, 6, c.length);
      String err = CliRun.of(args).fails(2).err();
      assertTrue(err.contains("column"), Arrays.toString(c) + ": " + err);
    }
    String err = CliRun.of("train", data, "--format", "ml-100k", "--model", dir.resolve("y"),
        "--min-value", "NaN").fails(2).err();
    assertTrue(err.contains("--min-value must be a finite number"), err);
    assertFalse(Files.exists(dir.resolve("y")));
  }

  @Test
  void badFormatOptions() {
    assertTrue(CliRun.of("train", data, "--format", "parquet", "--model", model).fails(2).err()
        .contains("unknown format 'parquet'"));
    assertTrue(CliRun.of("train", data, "--format", "ml-100k", "--sep", ",", "--model", model).fails(2)
        .err().contains("--format delimited"));
    assertTrue(CliRun.of("train", data, "--format", "delimited", "--user-col", 0, "--model", model)
        .fails(2).err().contains("--item-col"));
    CliRun.of("train", data, "--format", "delimited", "--user-col", 0, "--item-col", 0, "--model", model)
        .fails(2);
    CliRun.of("evaluate", data, "--format", "ml-100k", "--split", "sideways").fails(2);
  }

  @Test
  void similarNeedsExactlyOneOfItemAndUser() {
    assertFalse(CliRun.of("similar", "--model", model).fails(2).err().contains("Error:"));
    CliRun.of("similar", "--model", model, "--item", "101", "--user", "3").fails(2);
  }

  // ---- other failures: exit 1 ----

  @Test
  void missingInputFile() {
    Path absent = dir.resolve("absent.data");
    String err = CliRun.of("train", absent, "--format", "ml-100k", "--model", model).fails(1).err();
    assertTrue(err.contains(absent + ": no such file"), err);
    assertTrue(CliRun.of("recommend", "--model", absent, "--user", "3").fails(1).err().contains("no such file"));
  }

  @Test
  void malformedLineNamesFileAndLine() throws Exception {
    Path bad = dir.resolve("bad.data");
    Files.writeString(bad, "1\t101\t5\t880000000\n2\t102\t4\t880000001\n3\tabc\t5\t880000002\n");
    String err = CliRun.of("train", bad, "--format", "ml-100k", "--model", dir.resolve("y")).fails(1).err();
    assertTrue(err.contains(bad + ":3:"), err);
    assertTrue(err.contains("3\tabc\t5"), "the line's text: " + err);
    err = CliRun.of("evaluate", bad, "--format", "ml-100k").fails(1).err();
    assertTrue(err.contains(bad + ":3:"), err);
  }

  @Test
  void truncatedModel() throws Exception {
    Path cut = dir.resolve("cut.alsm");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    String err = CliRun.of("recommend", "--model", cut, "--user", "3").fails(1).err();
    assertTrue(err.contains(cut.toString()) && err.contains("truncated"), err);
    CliRun.of("similar", "--model", cut, "--item", "101").fails(1);
  }

  @Test
  void modelWithAFlippedByte() throws Exception {
    Path flipped = dir.resolve("flipped.alsm");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 100] ^= 0x10; // inside the item factors
    Files.write(flipped, bytes);
    String err = CliRun.of("recommend", "--model", flipped, "--user", "3").fails(1).err();
    assertTrue(err.contains(flipped.toString()) && err.contains("checksum"), err);
  }

  @Test
  void notAModelFile() {
    String err = CliRun.of("recommend", "--model", data, "--user", "3").fails(1).err();
    assertTrue(err.contains(data.toString()), err);
  }

  @Test
  void unknownIds() {
    String err = CliRun.of("recommend", "--model", model, "--user", "999").fails(1).err();
    assertTrue(err.contains("unknown user id '999'"), err);
    err = CliRun.of("similar", "--model", model, "--item", "7").fails(1).err();
    assertTrue(err.contains("unknown item id '7'"), err);
    CliRun.of("similar", "--model", model, "--user", "nobody").fails(1);
  }

  @Test
  void temporalSplitWithoutTimestamps() throws Exception {
    Path plays = dir.resolve("user_artists.dat");
    Files.writeString(plays, "userID\tartistID\tweight\n1\t10\t5\n1\t11\t3\n2\t10\t1\n");
    String err = CliRun.of("evaluate", plays, "--format", "lastfm", "--split", "temporal").fails(1).err();
    assertTrue(err.contains("timestamps"), err);
  }

  @Test
  void notPositiveDefinite() throws Exception {
    // lambda 0 and k larger than the number of items: every user system is singular
    Path tiny = dir.resolve("tiny.data");
    Files.writeString(tiny, "1\t1\t5\t1\n1\t2\t3\t2\n2\t2\t4\t3\n2\t3\t1\t4\n");
    String err = CliRun.of("train", tiny, "--format", "ml-100k", "--model", dir.resolve("z"),
        "--lambda", 0, "-k", 8, "--iterations", 2).fails(1).err();
    assertTrue(err.contains("training failed") && err.contains("lambda"), err);
  }

  @Test
  void outputFolderMissing() {
    Path out = dir.resolve("no-such-folder").resolve("m.alsm");
    String err = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", out)).fails(1).err();
    assertTrue(err.contains("no-such-folder") && err.contains("not a directory"), err);
    assertFalse(CliRun.of(fast("train", data, "--format", "ml-100k", "--model", dir.resolve("ok.alsm"),
        "--chart", out)).fails(1).err().contains("iteration"), "checked before training");
  }

  @Test
  void emptyAfterFilter() {
    String err = CliRun.of("train", data, "--format", "ml-100k", "--model", dir.resolve("w"),
        "--min-value", 6).fails(1).err();
    assertTrue(err.contains("no interactions"), err);
  }

  @Test
  void debugPrintsTheStackTrace() {
    CliRun run = CliRun.of("recommend", "--model", dir.resolve("absent"), "--user", "3", "--debug");
    assertTrue(run.code() == 1 && run.err().contains("\tat "), run.err());
  }
}
