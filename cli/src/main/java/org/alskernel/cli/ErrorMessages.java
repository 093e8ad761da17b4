package org.alskernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.alskernel.io.MalformedLineException;
import org.alskernel.store.ModelFileException;
import org.alskernel.sweep.NotPositiveDefiniteException;

/**
 * Turns what a command threw into the one line printed on stderr. The kernel's own exceptions already
 * carry messages written for people (file, line, text; model path and what is wrong), so they pass
 * through; the JDK's file errors carry only the path, so they get the reason added. Only a failure
 * nobody anticipated names its exception class, since then the class is the most useful clue.
 */
final class ErrorMessages {
  private ErrorMessages() {}

  static String describe(Throwable t) {
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    }
    return switch (t) {
      case Failure f -> f.getMessage();
      case MalformedLineException m -> m.getMessage();
      case ModelFileException m -> m.getMessage();
      case NoSuchFileException n -> n.getFile() + ": no such file";
      case AccessDeniedException a -> a.getFile() + ": permission denied";
      case FileSystemException f -> oneLine(f.getMessage());
      case IOException io -> io.getMessage() == null ? "I/O error" : oneLine(io.getMessage());
      case NotPositiveDefiniteException n -> "training failed: " + n.getMessage();
      case IllegalArgumentException i when i.getMessage() != null -> oneLine(i.getMessage());
      case OutOfMemoryError o ->
          "out of memory; give the JVM more heap, e.g. java -Xmx4g ... (" + o.getMessage() + ")";
      default -> "internal error: " + oneLine(String.valueOf(t)) + " (--debug prints the stack trace)";
    };
  }

  private static String oneLine(String s) {
    return s.replace("\r", " ").replace('\n', ' ');
  }
}
