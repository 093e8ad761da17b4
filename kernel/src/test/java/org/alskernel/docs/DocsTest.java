package org.alskernel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documents an outsider reads: indexed, every relative link resolving, no internal labels. */
class DocsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  /** Words that mean something only to whoever wrote them. */
  private static final Pattern INTERNAL = Pattern.compile(
      "(?i)issue #\\d|#\\d+ targets|this session|session\\d|project brief|final-session|session-start");

  @Test
  void theIndexLinksEveryDocument() throws IOException {
    Path docs = root().resolve("docs");
    String index = Files.readString(docs.resolve("README.md"));
    try (Stream<Path> files = Files.list(docs)) {
      for (Path doc : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        String name = doc.getFileName().toString();
        if (!name.equals("README.md")) {
          assertTrue(index.contains("](" + name + ")"), "docs/README.md does not link " + name);
        }
      }
    }
    assertTrue(Files.readString(root().resolve("README.md")).contains("](docs/README.md)"),
        "README.md links the docs index");
  }

  @Test
  void everyRelativeLinkResolvesAndNoDocumentUsesInternalLabels() throws IOException {
    List<String> broken = new ArrayList<>();
    List<String> internal = new ArrayList<>();
    for (Path doc : documents()) {
      String text = Files.readString(doc);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1).replaceFirst("#.*$", "");
        if (target.isEmpty() || target.matches("^[a-z]+:.*")) continue; // an anchor or a URL
        if (!Files.exists(doc.getParent().resolve(target))) broken.add(root().relativize(doc) + ": " + m.group(1));
      }
      Matcher i = INTERNAL.matcher(text);
      while (i.find()) internal.add(root().relativize(doc) + ": " + i.group());
    }
    assertEquals(List.of(), broken, "links to files that do not exist");
    assertEquals(List.of(), internal, "labels an outsider cannot follow");
  }

  private static List<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>(List.of(root().resolve("README.md")));
    try (Stream<Path> files = Files.walk(root().resolve("docs"))) {
      out.addAll(files.filter(f -> f.toString().endsWith(".md")).sorted().toList());
    }
    return out;
  }

  /** The repository's root: the folder above the working directory with README.md and kernel/. */
  static Path root() throws IOException {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("kernel"))) return d;
    }
    throw new IOException("the repository's root not found above " + Path.of("").toAbsolutePath());
  }
}
