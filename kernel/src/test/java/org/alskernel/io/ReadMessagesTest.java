package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.store.ModelFile;
import org.alskernel.store.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages about unreadable input name the path and never carry raw control characters. */
class ReadMessagesTest {
  @TempDir Path dir;

  @Test
  void controlAndInvisibleCharactersAreEscaped() throws IOException {
    Path file = dir.resolve("odd.data");
    String bad = "\uFEFF1\t\u001b[31m10\u0000\t4\u202E\t100";
    Files.writeString(file, "1\t10\t4\t100\n" + bad + "\n", StandardCharsets.UTF_8);
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Formats.MOVIELENS_100K.read(file));
    String message = e.getMessage();
    assertTrue(message.contains("\\x1b[31m10\\u0000"), message);
    assertTrue(message.contains("\\uFEFF1"), message);
    assertTrue(message.contains("\\u202E"), message);
    message.chars().forEach(c -> assertTrue(c == '\t' || c >= 0x20 && c != 0x7f
        && Character.getType(c) != Character.FORMAT, () -> "raw character " + c + " in " + message));
    assertEquals(bad, e.lineText(), "the exception keeps the raw text for programs");
  }

  @Test
  void directoriesAreNamedAsSuch() {
    IOException read = assertThrows(IOException.class, () -> Formats.MOVIELENS_100K.read(dir));
    assertEquals(dir + ": is a directory", read.getMessage());
    IOException load = assertThrows(ModelFileException.class, () -> ModelFile.load(dir));
    assertEquals(dir + ": is a directory", load.getMessage());
  }

  @Test
  void aFileTooLargeForTheHeapIsRefusedWithAMemoryMessage() throws Exception {
    Path file = dir.resolve("many-ids.tsv");
    StringBuilder lines = new StringBuilder();
    String pad = "x".repeat(60);
    for (int j = 0; j < 400_000; j++) {
      lines.append("user-").append(j).append(pad).append('\t').append("item-").append(j)
          .append(pad).append("\t1\n");
    }
    Files.writeString(file, lines);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), ReadProbe.class.getName(), file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("refused: " + file + ": its interactions and ids do not fit in this"
        + " JVM's heap"), out);
  }

  /** Reads a file with string ids in a small heap, in a JVM of its own. */
  static final class ReadProbe {
    public static void main(String[] args) {
      DelimitedFormat format = DelimitedFormat.builder().userColumn(0).itemColumn(1).valueColumn(2)
          .numericIds(false).build();
      try {
        System.out.println("read " + format.read(Path.of(args[0])).size());
      } catch (IOException e) {
        System.out.println("refused: " + e.getMessage());
      }
    }
  }
}
