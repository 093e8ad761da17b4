package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.alskernel.store.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;

  @Test
  void npyAndTsvExportsHoldTheSavedModel() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("m.alsm");
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model, "--variant", "implicit-biased")).ok();
    AlsModel m = ModelFile.load(model);
    Path out = dir.resolve("factors");
    CliRun run = CliRun.of("export", "--model", model, "--out", out).ok();
    assertEquals("", run.out());
    assertTrue(run.err().contains("wrote 7 files to " + out + ": 60 users and 40 items, k = 8"), run.err());
    Npy.Floats items = Npy.read(out.resolve("item_factors.npy"));
    assertArrayEquals(new int[] {40, 8}, items.shape());
    assertArrayEquals(m.factors().itemFactors(), items.data());
    List<String> ids = Files.readAllLines(out.resolve("item_ids.txt"));
    for (int i = 0; i < m.itemCount(); i++) assertEquals(m.items().id(i), ids.get(i));
    assertEquals(m.factors().itemBias(3), Npy.read(out.resolve("item_biases.npy")).data()[3]);

    CliRun.of("export", "--model", model, "--format", "tsv", "--out", out).ok();
    List<String> users = Files.readAllLines(out.resolve("user_factors.tsv"));
    assertEquals(61, users.size());
    assertTrue(users.getFirst().startsWith("id\tbias\tf0\t"), users.getFirst());
  }

  @Test
  void aFileAsTheDirectoryOrAnUnknownFormatIsRefused() throws Exception {
    Path data = SyntheticFiles.uData(dir);
    Path model = dir.resolve("m.alsm");
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model)).ok();
    String err = CliRun.of("export", "--model", model, "--out", data).fails(2).err();
    assertTrue(err.contains("--out must be a directory, and " + data + " is a file"), err);
    err = CliRun.of("export", "--model", model, "--format", "csv", "--out", dir).fails(2).err();
    assertTrue(err.contains("unknown export format 'csv' (one of npy, tsv)"), err);
    err = CliRun.of("export", "--model", dir.resolve("none.alsm"), "--out", dir).fails(1).err();
    assertTrue(err.contains("none.alsm: no such file"), err);
  }
}
