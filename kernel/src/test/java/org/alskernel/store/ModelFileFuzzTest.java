package org.alskernel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alskernel.model.AlsModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes as a model file: a model that saves and loads again with the same settings, or a {@link
 * ModelFileException}; nothing else may escape. Seeds (valid files of both versions, plain and
 * biased) are in this class's inputs folder of the test resources.
 */
class ModelFileFuzzTest {
  private static Path dir;

  @BeforeAll
  static void folder() throws IOException {
    dir = Files.createTempDirectory("model-fuzz");
  }

  @AfterAll
  static void clean() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "20s")
  void everyFileLoadsOrIsRefused(byte[] bytes) throws IOException {
    Path file = dir.resolve("input.als");
    Files.write(file, bytes);
    AlsModel model;
    try {
      model = ModelFile.load(file);
    } catch (ModelFileException expected) {
      return;
    }
    Path again = dir.resolve("again.als");
    ModelFile.save(model, again);
    if (!ModelFile.load(again).settings().equals(model.settings())) {
      throw new AssertionError("a loaded model saved and loaded again changed");
    }
  }
}
