package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.alskernel.sweep.AlsVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --variant} trains and evaluates each member of the family, and refuses what does not apply. */
class VariantOptionTest {
  @TempDir Path dir;

  @Test
  void everyVariantTrainsTheModelItNames() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    for (AlsVariant v : AlsVariant.values()) {
      Path model = dir.resolve(v.label() + ".alsm");
      Object[] args = v.isExplicit()
          ? new Object[] {"train", data, "--format", "ml-100k", "--model", model, "--variant", v.label(),
              "-k", 8, "--iterations", 3, "--threads", 2}
          : fast("train", data, "--format", "ml-100k", "--model", model, "--variant", v.label());
      CliRun run = CliRun.of(args).ok();
      AlsModel m = ModelFile.load(model);
      assertEquals(v, m.settings().equation().variant(), run.err());
      assertEquals(v.isBiased(), m.factors().hasBiases());
      if (v.isExplicit()) {
        assertEquals(10f, m.settings().equation().lambda(), "the explicit default λ");
        assertTrue(run.err().contains("training: " + v.label() + ", k = 8, lambda = 10.0, 3 iterations"),
            run.err());
      }
      boolean loss = v != AlsVariant.IMPLICIT_BIASED;
      assertEquals(loss, run.err().contains("iteration 3/" + (v.isExplicit() ? 3 : 5) + " loss"), run.err());
    }
  }

  @Test
  void evaluateRanksWithTheChosenVariant() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    CliRun run = CliRun.of("evaluate", data, "--format", "ml-100k", "--variant", "explicit-biased",
        "-k", 8, "--iterations", 3, "--output", "tsv").ok();
    assertTrue(run.err().contains("training: explicit-biased, k = 8"), run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("ALS\t")), run.out());
  }

  @Test
  void optionsThatDoNotApplyAreRefusedByName() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("x.alsm");
    String err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--variant",
        "explicit", "--alpha", 5).fails(2).err();
    assertTrue(err.contains("--alpha applies to the implicit variants only, not to --variant explicit"), err);
    err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--variant",
        "explicit-biased", "--log-confidence", 1).fails(2).err();
    assertTrue(err.contains("--log-confidence applies to the implicit variants only"), err);
    err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--variant",
        "implicit-biased", "--chart", dir.resolve("c.svg")).fails(2).err();
    assertTrue(err.contains("--chart needs the loss"), err);
    err = CliRun.of("train", data, "--format", "ml-100k", "--model", model, "--variant", "biased")
        .fails(2).err();
    assertTrue(err.contains("unknown variant 'biased' (one of implicit, implicit-biased, explicit,"
        + " explicit-biased)"), err);
  }
}
