package org.alskernel.layers;

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

/**
 * The kernel's packages follow the data's path (docs/design.md, "Layers"): each imports only
 * packages below it in this order, so there is no loop and nothing reaches up.
 */
class LayersTest {
  /** Bottom first. */
  private static final List<String> ORDER = List.of("parallel", "data", "data.synthetic", "simd",
      "io", "linalg", "sweep", "model", "store", "eval", "train", "tune");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.alskernel\\.([a-z.]+)\\.[A-Z]",
      Pattern.MULTILINE);

  @Test
  void everyPackageImportsOnlyPackagesBelowIt() throws IOException {
    Path root = Path.of("src/main/java/org/alskernel");
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
        if (pkg.isEmpty()) {
          continue; // module-info
        }
        int level = ORDER.indexOf(pkg);
        assertTrue(level >= 0, "package " + pkg + " has no place in the layers");
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String imported = m.group(1);
          if (!imported.equals(pkg) && ORDER.indexOf(imported) >= level) {
            wrong.add(file + " (" + pkg + ") imports " + imported);
          }
        }
      }
    }
    assertTrue(wrong.isEmpty(), "imports that reach up or sideways:\n" + String.join("\n", wrong));
  }
}
