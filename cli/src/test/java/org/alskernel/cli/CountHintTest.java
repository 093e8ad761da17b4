package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that look like counts get one line suggesting log confidence; ratings do not. */
class CountHintTest {
  @TempDir Path dir;

  @Test
  void countsUnderLinearConfidenceGetTheNoteOnce() throws Exception {
    Path ratings = SyntheticFiles.uData(dir);
    // the same entries with the rating turned into a play count of 30..50
    Path plays = Files.writeString(dir.resolve("plays.data"), Files.readAllLines(ratings).stream()
        .map(l -> l.split("\t")).map(f -> f[0] + "\t" + f[1] + "\t" + Integer.parseInt(f[2]) * 10 + "\t" + f[3])
        .collect(Collectors.joining("\n", "", "\n")));
    Path model = dir.resolve("m.alsm");

    CliRun train = CliRun.of(fast("train", plays, "--format", "ml-100k", "--model", model)).ok();
    assertTrue(train.err().contains("als train: note: the values (median 40, up to 50) look like counts"),
        train.err());
    assertTrue(train.err().contains("--log-confidence 1 --alpha 5"), train.err());
    assertTrue(train.err().indexOf("note") == train.err().lastIndexOf("note"), "one line:\n" + train.err());

    CliRun evaluate = CliRun.of(fast("evaluate", plays, "--format", "ml-100k")).ok();
    assertTrue(evaluate.err().contains("als evaluate: note: the values"), evaluate.err());

    assertFalse(CliRun.of(fast("train", plays, "--format", "ml-100k", "--model", model,
        "--log-confidence", 1)).ok().err().contains("note"), "log confidence is what it suggests");
    assertFalse(CliRun.of(fast("train", ratings, "--format", "ml-100k", "--model", model)).ok().err()
        .contains("note"), "ratings of 1 to 5 are not counts");
    assertFalse(CliRun.of("train", plays, "--format", "ml-100k", "--model", model, "--variant", "explicit",
        "-k", 4, "--iterations", 2).ok().err().contains("note"), "explicit variants have no confidence");
  }
}
