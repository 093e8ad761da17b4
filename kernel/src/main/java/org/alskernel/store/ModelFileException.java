package org.alskernel.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded: wrong magic, unsupported version, truncated, inconsistent
 * header, or a checksum mismatch. The message names the file and what is wrong with it.
 */
public final class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public ModelFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file that was being read. */
  public Path file() {
    return file;
  }
}
