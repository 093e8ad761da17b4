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
   * assumption fails) when the folder or the file is absent, with one console line saying which
   * test, what is missing and how to provide it (surefire's reports alone are easy to miss).
   */
  public static Path require(String relative) {
    Optional<Path> root = root();
    if (root.isEmpty()) {
      skip("shared/datasets not found at " + where());
    }
    Path file = root.get().resolve(relative);
    if (!Files.isRegularFile(file)) {
      skip(file + " not found");
    }
    return file;
  }

  private static void skip(String what) {
    String test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
        .map(StackWalker.StackFrame::getDeclaringClass)
        .filter(c -> c != SharedDatasets.class).findFirst().map(Class::getSimpleName).orElse("a test"));
    String message = "SKIPPED " + test + ": " + what + "; download the datasets as README.md"
        + " (\"Datasets\") says, or point -Dalskernel.datasets=DIR at them";
    System.out.println(message);
    assumeTrue(false, message);
  }
}
