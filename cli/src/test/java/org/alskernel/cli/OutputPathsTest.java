package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} never destroys a file: every output path is checked before the data is read, and the
 * targets are replaced together, only once all of them are written.
 */
class OutputPathsTest {
  @TempDir Path dir;
  Path data;
  Path model;
  byte[] dataBytes;
  byte[] modelBytes;

  @BeforeEach
  void trainOnce() throws Exception {
    data = SyntheticFiles.uData(dir);
    model = dir.resolve("m.alsm");
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model)).ok();
    dataBytes = Files.readAllBytes(data);
    modelBytes = Files.readAllBytes(model);
  }

  /** A refused run: one line naming the path, exit 1, nothing read or trained, nothing changed. */
  private String refused(Object... outputs) throws Exception {
    Object[] args = new Object[4 + outputs.length];
    args[0] = "train";
    args[1] = data;
    args[2] = "--format";
    args[3] = "ml-100k";
    System.arraycopy(outputs, 0, args, 4, outputs.length);
    CliRun run = CliRun.of(fast(args)).fails(1);
    assertFalse(run.err().contains("training:"), "refused before training:\n" + run.err());
    assertArrayEquals(dataBytes, Files.readAllBytes(data));
    assertArrayEquals(modelBytes, Files.readAllBytes(model));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
    return run.err();
  }

  @Test
  void theModelIsNeverWrittenOverTheInput() throws Exception {
    assertTrue(refused("--model", data).contains(data + ": is the input file"));
  }

  @Test
  void theChartIsNeverWrittenOverTheModel() throws Exception {
    assertTrue(refused("--model", model, "--chart", model).contains("is also the output"));
  }

  @Test
  void aChartThatCannotBeWrittenLeavesTheOldModel() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("charts"));
    assertTrue(refused("--model", model, "--chart", folder).contains(folder + ": is a directory"));
  }

  @Test
  void specialFilesAreNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      assertTrue(refused("--model", fifo).contains("not a regular file"));
    }
    if (Files.exists(Path.of("/dev/full"))) {
      assertTrue(refused("--model", "/dev/full").contains("/dev/full: is not a regular file"));
      assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }
    assertTrue(refused("--model", dir.resolve("missing/m.alsm")).contains("is not a directory"));
  }

  @Test
  void aReplacedModelKeepsItsModeAndALinkStays() throws Exception {
    Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("current.alsm"), model);
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", link, "--seed", "7")).ok();
    assertTrue(Files.isSymbolicLink(link));
    assertFalse(java.util.Arrays.equals(modelBytes, Files.readAllBytes(model)), "replaced");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
  }
}
