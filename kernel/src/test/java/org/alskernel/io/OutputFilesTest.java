package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String refused(List<Path> inputs, List<Path> targets) {
    IOException e = assertThrows(IOException.class, () -> OutputFiles.prepare(inputs, targets));
    return e.getMessage();
  }

  @Test
  void theInputIsNeverATarget() throws IOException {
    Path input = Files.writeString(dir.resolve("data.tsv"), "1\t2\t3\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), input);
    assertTrue(refused(List.of(input), List.of(input)).contains("is the input file"));
    assertTrue(refused(List.of(input), List.of(link)).contains("is the input file"));
    assertEquals("1\t2\t3\n", Files.readString(input));
    assertEquals(List.of("data.tsv", "link.tsv"), names());
  }

  @Test
  void twoOutputsNeverShareAFile() throws IOException {
    Path a = dir.resolve("model.als");
    Path sameByLink = Files.createSymbolicLink(dir.resolve("other.als"), a);
    Files.writeString(a, "old");
    assertTrue(refused(List.of(), List.of(a, a)).contains("is also the output"));
    assertTrue(refused(List.of(), List.of(a, sameByLink)).contains("is also the output"));
    assertTrue(refused(List.of(), List.of(a, dir.resolve("./model.als")))
        .contains("is also the output"));
    assertEquals("old", Files.readString(a));
  }

  @Test
  void directoriesAndFilesThatAreNotRegularAreRefused() throws Exception {
    String message = refused(List.of(), List.of(dir));
    assertEquals(dir + ": is a directory", message);
    Path socket = dir.resolve("socket");
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(socket));
      assertTrue(refused(List.of(), List.of(socket)).contains("not a regular file"));
    }
    Path fifo = dir.resolve("fifo");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      assertTrue(refused(List.of(), List.of(fifo)).contains("not a regular file"));
      assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
    }
    Path device = Path.of("/dev/full");
    if (Files.exists(device)) {
      assertTrue(refused(List.of(), List.of(device)).contains("not a regular file"));
    }
    assertTrue(refused(List.of(), List.of(dir.resolve("missing/model.als")))
        .contains("is not a directory"));
  }

  @Test
  void nothingIsReplacedUntilCommitAndCloseCleansUp() throws IOException {
    Path model = Files.writeString(dir.resolve("model.als"), "old model");
    Path chart = dir.resolve("loss.svg");
    try (OutputFiles out = OutputFiles.prepare(List.of(), List.of(model, chart))) {
      Files.writeString(out.staging(model), "new model");
      // the chart fails to be written: no commit
    }
    assertEquals("old model", Files.readString(model));
    assertEquals(List.of("model.als"), names());

    try (OutputFiles out = OutputFiles.prepare(List.of(), List.of(model, chart))) {
      Files.writeString(out.staging(model), "new model");
      Files.writeString(out.staging(chart), "<svg/>");
      assertEquals("old model", Files.readString(model));
      out.commit();
    }
    assertEquals("new model", Files.readString(model));
    assertEquals(List.of("loss.svg", "model.als"), names());
  }

  @Test
  void aLinkIsFollowedAndStays() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path target = Files.writeString(real.resolve("model.als"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("model.als"), target);
    try (OutputFiles out = OutputFiles.prepare(link)) {
      assertEquals(real.toRealPath(), out.staging(link).getParent());
      Files.writeString(out.staging(link), "new");
      out.commit();
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(target));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.als"), dir.resolve("nowhere"));
    assertTrue(refused(List.of(), List.of(dangling)).contains("symbolic link to a missing file"));
  }

  @Test
  void aReplacedFileKeepsItsModeAndANewOneGetsTheDefault() throws IOException {
    Path kept = Files.writeString(dir.resolve("kept.als"), "old");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    Path fresh = dir.resolve("fresh.als");
    try (OutputFiles out = OutputFiles.prepare(List.of(), List.of(kept, fresh))) {
      out.commit();
    }
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives a new file
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));
  }

  @Test
  void staleStagingFilesOfDeadProcessesAreRemoved() throws IOException {
    long live = ProcessHandle.current().pid();
    Path dead = Files.writeString(dir.resolve(".model.als.2147483646.1a2b.tmp"), "x");
    Path running = Files.writeString(dir.resolve(".model.als." + live + ".3c4d.tmp"), "x");
    Path other = Files.writeString(dir.resolve(".other.als.2147483646.1a2b.tmp"), "x");
    assumeTrue(ProcessHandle.of(2147483646L).isEmpty());
    try (OutputFiles out = OutputFiles.prepare(dir.resolve("model.als"))) {
      assertTrue(out.staging(dir.resolve("model.als")).getFileName().toString()
          .matches("\\.model\\.als\\." + live + "\\.[0-9a-f]+\\.tmp"));
    }
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(running));
    assertTrue(Files.exists(other));
  }
}
