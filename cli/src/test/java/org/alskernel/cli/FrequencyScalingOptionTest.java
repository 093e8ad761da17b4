package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --nu} and {@code --unobserved-weight} reach the model, and bad values name the option. */
class FrequencyScalingOptionTest {
  @TempDir Path dir;

  @Test
  void nuAndItsWeightAreTrainedAndSaved() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("nu.alsm");
    CliRun run = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model, "--nu",
        0.5)).ok();
    assertTrue(run.err().contains("lambda = 1.0, nu = 0.5 (A0 1/alpha)"), run.err());
    AlsModel m = ModelFile.load(model);
    assertEquals(0.5f, m.settings().nu());
    assertEquals(0.1f, m.settings().unobservedWeight(), "1/alpha with alpha 10");

    CliRun given = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model, "--nu", 1,
        "--unobserved-weight", 0.02)).ok();
    assertTrue(given.err().contains("nu = 1.0 (A0 0.02)"), given.err());
    assertEquals(0.02f, ModelFile.load(model).settings().unobservedWeight());
  }

  @Test
  void badValuesAreRefusedByOption() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("x.alsm");
    String err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--nu", 1.5)
        .fails(2).err();
    assertTrue(err.contains("--nu: nu must be in [0, 1], got 1.5"), err);
    err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--nu", 0.5,
        "--unobserved-weight", -2).fails(2).err();
    assertTrue(err.contains("--unobserved-weight: unobservedWeight must be a finite number ≥ 0"), err);
    err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--variant", "explicit",
        "--nu", 0.5, "--unobserved-weight", 0.1).fails(2).err();
    assertTrue(err.contains("--unobserved-weight: unobservedWeight must be 0 for the EXPLICIT"), err);
    assertFalse(Files.exists(model));
  }
}
