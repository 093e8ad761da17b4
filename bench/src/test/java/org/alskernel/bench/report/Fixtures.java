package org.alskernel.bench.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Copies the hand-written result folders out of the test resources, and checks SVG files. */
final class Fixtures {
  private Fixtures() {}

  /** Copies src/test/resources/report/{name} into {@code parent/name} and returns it. */
  static Path copy(String name, Path parent) throws IOException, URISyntaxException {
    Path source = Path.of(Fixtures.class.getResource("/report/" + name).toURI());
    Path target = parent.resolve(name);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  /** Parses an SVG file as XML (failing on malformed markup) and returns its document. */
  static Document parseSvg(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(file.toFile());
    if (!"svg".equals(doc.getDocumentElement().getLocalName())
        || !"http://www.w3.org/2000/svg".equals(doc.getDocumentElement().getNamespaceURI())) {
      throw new AssertionError(file + " is not an SVG document");
    }
    return doc;
  }

  static List<Path> svgs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
  }
}
