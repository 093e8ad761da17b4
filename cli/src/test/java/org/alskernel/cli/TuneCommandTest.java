package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.alskernel.sweep.AlsVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code als tune} end to end, and {@code --config} reading what it writes. */
class TuneCommandTest {
  @TempDir Path dir;

  /** A small grid that still crosses every setting the search varies. */
  private static final Object[] SMALL = {"--space", "factors=4,8", "--space", "lambda=0.5,5",
      "--space", "alpha=2,10", "--space", "iterations=2,4", "--space",
      "confidence=linear,log:1,bm25:1.2:0.75"};

  private CliRun tune(Path data, Object... more) {
    Object[] threads = Arrays.asList(more).contains("--threads") ? new Object[0]
        : new Object[] {"--threads", 2};
    Object[] args = concat(new Object[] {"tune", data, "--format", "ml-100k", "--budget", 8},
        concat(SMALL, concat(threads, more)));
    return CliRun.of(args).ok();
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The table without its seconds column. */
  private static List<String> withoutTimes(String tsv) {
    return tsv.lines().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList();
  }

  @Test
  void aSearchPrintsEveryTrialAndWritesSettingsThatTrainAndEvaluateTake() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path best = dir.resolve("best.cfg");
    CliRun run = tune(data, "--output", "tsv", "--out", best);
    List<String> rows = run.out().lines().toList();
    assertEquals(9, rows.size(), "a header and 8 trials: " + run.out());
    assertTrue(rows.get(0).startsWith("trial\tround\titerations\tvariant\tk\tlambda"), rows.get(0));
    assertTrue(run.err().contains("held out"), run.err());
    assertTrue(run.err().contains("best: trial "), run.err());
    String settings = Files.readString(best);
    assertTrue(settings.startsWith("# als tune on u.data: trial "), settings);

    // the best trial's row, and the settings file, say the same
    int bestTrial = Integer.parseInt(run.err().replaceAll("(?s).*best: trial (\\d+),.*", "$1"));
    String[] row = rows.get(bestTrial).split("\t");
    assertTrue(settings.contains("factors = " + row[4] + "\n"), settings + " vs " + rows.get(bestTrial));
    assertTrue(settings.contains("iterations = " + row[2] + "\n"), settings);

    Path model = dir.resolve("m.alsm");
    CliRun train = CliRun.of("train", data, "--format", "ml-100k", "--config", best, "--model",
        model, "--threads", 2).ok();
    AlsModel m = ModelFile.load(model);
    assertEquals(Integer.parseInt(row[4]), m.factors().k());
    assertEquals(Float.parseFloat(row[5]), m.settings().lambda());
    assertEquals(AlsVariant.byLabel(row[3]), m.settings().variant());
    assertEquals(Integer.parseInt(row[2]), m.settings().iterations());
    assertTrue(train.err().contains("training: "), train.err());

    // an option on the command line wins over the file
    CliRun override = CliRun.of("evaluate", data, "--format", "ml-100k", "--config", best,
        "--factors", 3, "--threads", 2).ok();
    assertTrue(override.err().contains("k = 3,"), override.err());
  }

  @Test
  void theSameSeedAndBudgetGiveTheSameTrials() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    String a = tune(data, "--output", "tsv").out();
    String b = tune(data, "--output", "tsv", "--threads", 1).out();
    assertEquals(withoutTimes(a), withoutTimes(b));
    String other = tune(data, "--output", "tsv", "--seed", 9).out();
    assertFalse(withoutTimes(a).equals(withoutTimes(other)), "another seed, another draw");
    String json = tune(data, "--output", "json").out();
    assertTrue(json.startsWith("[") && json.contains("\"nDCG@10\""), json);
  }

  @Test
  void plainSearchesKeepNuZeroAndTheCountsUnweighed() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    for (String row : tune(data, "--output", "tsv", "--plain").out().lines().skip(1).toList()) {
      String[] cells = row.split("\t");
      assertEquals("0.0", cells[7], row);
      assertFalse(cells[8].startsWith("bm25"), row);
    }
  }

  @Test
  void badSearchesAreRefusedNamingTheOption() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Object[] base = {"tune", data, "--format", "ml-100k"};
    String[][] cases = {
        {"--budget", "0", "--budget: the budget must be > 0 trials, got 0"},
        {"--budget", "-3s", "--budget: the budget must be a finite number of seconds > 0"},
        {"--budget", "soon", "--budget must be a number of trials (40) or of seconds (120s)"},
        {"--space", "nu=0,1.5", "--space: nu must be in [0, 1], got 1.5"},
        {"--space", "nu=", "--space: the search space has no nu values"},
        {"--space", "depth=3", "--space: 'depth=3' is not NAME=V1,V2,... with NAME one of variant"},
        {"--space", "factors=four", "--space: factors: 'four' is not a number"},
        {"--space", "confidence=cubic", "--space: 'cubic' is not a confidence form"},
        {"--space", "confidence=bm25:1:3", "--space: BM25 B must be in [0, 1], got 3.0"},
        {"--space", "variant=explicit", "--space: the search ranks implicit models"},
        {"--validation-fraction", "1", "--validation-fraction must be between 0 and 1, got 1.0"},
    };
    for (String[] c : cases) {
      String err = CliRun.of(concat(base, new Object[] {c[0], c[1]})).fails(2).err();
      assertTrue(err.contains(c[2]), c[0] + " " + c[1] + ": " + err);
    }
    String err = CliRun.of(concat(base, new Object[] {"--validation-fraction", 0.0001}))
        .fails(1).err();
    assertTrue(err.contains("the validation split leaves no validation users"), err);
  }

  @Test
  void badSettingsFilesNameTheFileAndLine() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("m.alsm");
    String[][] cases = {
        {"lambda = 3\nlamda = 4\n", ":2: unknown setting 'lamda' (settings: alpha,"},
        {"# comment\n\nfactors = 8\nfactors = 9\n", ":4: 'factors' is set twice"},
        {"alpha = many\n", ":1: alpha = 'many' is not a number"},
        {"iterations = 2.5\n", ":1: iterations = '2.5' is not an integer"},
        {"lambda 3\n", ":1: expected 'name = value', got 'lambda 3'"},
        {"model = x.alsm\n", ":1: unknown setting 'model'"},
    };
    for (String[] c : cases) {
      Path file = Files.writeString(dir.resolve("bad.cfg"), c[0]);
      String err = CliRun.of("train", data, "--format", "ml-100k", "--config", file, "--model",
          model).fails(1).err();
      assertTrue(err.startsWith("als train: " + file + c[1]), c[0] + ": " + err);
    }
    String err = CliRun.of("train", data, "--format", "ml-100k", "--config", dir.resolve("no.cfg"),
        "--model", model).fails(1).err();
    assertTrue(err.contains("no.cfg: no such file"), err);
    Path cfg = Files.writeString(dir.resolve("ok.cfg"), "factors = 4\n");
    err = CliRun.of("train", data, "--format", "ml-100k", "--config", cfg, "--model", cfg)
        .fails(1).err();
    assertTrue(err.contains("refusing to write over it"), err);
    assertEquals("factors = 4\n", Files.readString(cfg));
    assertFalse(Files.exists(model));
  }
}
