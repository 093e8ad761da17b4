package org.alskernel.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real datasets kept outside the repository in {@code shared/datasets} (never copied into
 * it). The folder is looked for in the working directory and each of its parents, so it is found
 * both from a module directory and from the repository root when the clone sits beside {@code
 * shared/}. The system property {@code alskernel.datasets} overrides the search.
 */
public final class SharedDatasets {
  private SharedDatasets() {}

  /** The datasets folder, if there is one. */
  public static Optional<Path> root() {
    String override = System.getProperty("alskernel.datasets");
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override).toAbsolutePath();
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets");
      if (Files.isDirectory(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  private static String where() {
    String override = System.getProperty("alskernel.datasets");
    return override != null && !override.isBlank()
        ? override + " (system property alskernel.datasets)"
        : "or above " + Path.of("").toAbsolutePath();
  }

  /**
   * The file {@code relative} inside the datasets folder; the calling test is skipped (a JUnit
   * assumption fails) when the folder or the file is absent.
   */
  public static Path require(String relative) {
    Optional<Path> root = root();
    assumeTrue(
        root.isPresent(),
        () -> "shared/datasets not found at " + where() + "; skipping real-data test");
    Path file = root.get().resolve(relative);
    assumeTrue(Files.isRegularFile(file), () -> file + " not found; skipping real-data test");
    return file;
  }
}
