package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.alskernel.data.CountWeighting;
import org.alskernel.data.Interactions;
import org.alskernel.io.Formats;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.alskernel.train.AlsTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --weighting bm25|tfidf} trains on the kernel's weighting of the counts. */
class WeightingOptionTest {
  @TempDir Path dir;

  private Path plays() throws Exception {
    Path ratings = SyntheticFiles.uData(dir);
    return Files.writeString(dir.resolve("plays.data"), Files.readAllLines(ratings).stream()
        .map(l -> l.split("\t")).map(f -> f[0] + "\t" + f[1] + "\t" + Integer.parseInt(f[2]) * 10 + "\t" + f[3])
        .collect(Collectors.joining("\n", "", "\n")));
  }

  @Test
  void trainingOnBm25IsTrainingOnTheKernelsWeights() throws Exception {
    Path plays = plays();
    Path model = dir.resolve("bm25.alsm");
    CliRun run = CliRun.of(fast("train", plays, "--format", "ml-100k", "--model", model,
        "--weighting", "bm25", "--bm25-k1", 1.2, "--bm25-b", 0.75)).ok();
    assertTrue(run.err().contains("training: BM25 (K1 1.2, B 0.75) weighting, k = 8"), run.err());
    assertFalse(run.err().contains("note"), "a weighting is what the count note is about");
    // the same fit through the API, on the kernel's own weights
    Interactions weighted = CountWeighting.bm25(Formats.MOVIELENS_100K.read(plays), 1.2f, 0.75f);
    AlsModel expected = new AlsTrainer(org.alskernel.train.AlsConfig.builder().factors(8).iterations(5)
        .threads(2).lambda(1f).alpha(10f).computeLoss(true).build()).fit(weighted);
    AlsModel trained = ModelFile.load(model);
    assertEquals(java.util.Arrays.toString(expected.factors().itemFactors()),
        java.util.Arrays.toString(trained.factors().itemFactors()));

    CliRun tfidf = CliRun.of(fast("evaluate", plays, "--format", "ml-100k", "--weighting", "tfidf",
        "--output", "tsv")).ok();
    assertTrue(tfidf.err().contains("training: TF-IDF weighting, k = 8"), tfidf.err());
  }

  @Test
  void badWeightingsAreRefusedByOption() throws Exception {
    Path plays = plays();
    Path model = dir.resolve("x.alsm");
    String err = CliRun.of("train", plays, "--format", "ml-100k", "--model", model, "--weighting", "bm26")
        .fails(2).err();
    assertTrue(err.contains("--weighting must be one of none, bm25, tfidf, got bm26"), err);
    err = CliRun.of("train", plays, "--format", "ml-100k", "--model", model, "--weighting", "bm25",
        "--bm25-b", 2).fails(2).err();
    assertTrue(err.contains("--bm25-b: BM25 B must be in [0, 1], got 2.0"), err);
    err = CliRun.of("train", plays, "--format", "ml-100k", "--model", model, "--weighting", "bm25",
        "--bm25-k1", -1).fails(2).err();
    assertTrue(err.contains("--bm25-k1: BM25 K1 must be a finite number ≥ 0, got -1.0"), err);
    err = CliRun.of("train", plays, "--format", "ml-100k", "--model", model, "--weighting", "tfidf",
        "--variant", "explicit").fails(2).err();
    assertTrue(err.contains("--weighting applies to the implicit variants only"), err);
    assertFalse(Files.exists(model));
  }
}
