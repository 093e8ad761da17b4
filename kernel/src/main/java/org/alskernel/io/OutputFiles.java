package org.alskernel.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files one run writes, replaced together or not at all. {@link #prepare} checks every target
 * before any work starts and creates a staging file beside each; the caller writes the staging files,
 * and {@link #commit} then renames each over its target atomically. Closing without committing
 * deletes the staging files and leaves every target as it was.
 *
 * <p>The rules: a target must not be one of the run's inputs, nor another target, nor a directory,
 * nor an existing file that is not a regular file (a FIFO, a device, a socket); its directory must
 * exist and be writable (proved by creating the staging file). A symbolic link is followed: the file
 * it points to is replaced and the link stays. A replaced file keeps its permissions; a new one gets
 * the process's default (the umask). Staging files are named {@code .NAME.PID.RANDOM.tmp} beside their
 * target; {@link #prepare} removes those of its targets left by processes that no longer run (a
 * killed save).
 */
public final class OutputFiles implements AutoCloseable {
  private static final String SUFFIX = ".tmp";

  /** The resolved target (a link's destination) of each requested path, in order. */
  private final Map<Path, Staged> staged = new LinkedHashMap<>();
  private boolean committed;

  private record Staged(Path target, Path staging) {}

  private OutputFiles() {}

  /**
   * Checks {@code targets} against the rules above and against {@code inputs} (files the run reads;
   * missing ones are ignored) and creates their staging files.
   *
   * @throws IOException naming the offending path and what is wrong with it; nothing is left behind
   */
  public static OutputFiles prepare(List<Path> inputs, List<Path> targets) throws IOException {
    OutputFiles out = new OutputFiles();
    try {
      List<Path> resolved = new ArrayList<>();
      for (Path requested : targets) {
        Path target = resolve(requested);
        for (Path input : inputs) {
          if (Files.exists(input) && Files.exists(target) && Files.isSameFile(input, target)) {
            throw new IOException(requested + ": is the input file " + input
                + "; refusing to write over it");
          }
        }
        for (int j = 0; j < resolved.size(); j++) {
          if (resolved.get(j).equals(target)) {
            throw new IOException(requested + ": is also the output " + targets.get(j)
                + "; give each output its own file");
          }
        }
        resolved.add(target);
      }
      for (int j = 0; j < targets.size(); j++) {
        Path target = resolved.get(j);
        removeStale(target);
        out.staged.put(targets.get(j), new Staged(target, createStaging(targets.get(j), target)));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** One target; see {@link #prepare(List, List)}. */
  public static OutputFiles prepare(Path target) throws IOException {
    return prepare(List.of(), List.of(target));
  }

  /** The staging file to write for {@code target} (one of the paths given to {@link #prepare}). */
  public Path staging(Path target) {
    Staged s = staged.get(target);
    if (s == null) {
      throw new IllegalArgumentException(target + " is not one of this run's outputs");
    }
    return s.staging;
  }

  /**
   * Renames every staging file over its target, keeping the permissions of a file it replaces, and
   * makes the renames durable where the platform allows.
   *
   * @throws IOException if a staging file cannot be renamed atomically (its target is then untouched)
   */
  public void commit() throws IOException {
    for (Staged s : staged.values()) {
      keepPermissions(s.target, s.staging);
    }
    for (Staged s : staged.values()) {
      try {
        Files.move(s.staging, s.target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + s.target + " atomically on this file system", e);
      }
      forceDirectory(s.target.getParent());
    }
    committed = true;
  }

  /** Deletes the staging files unless {@link #commit} moved them. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    IOException failure = null;
    for (Staged s : staged.values()) {
      try {
        Files.deleteIfExists(s.staging);
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The file that {@code requested} names once links are followed, after checking it is a regular
   * file or absent and that its directory exists.
   */
  private static Path resolve(Path requested) throws IOException {
    Path absolute = requested.toAbsolutePath();
    if (Files.isSymbolicLink(absolute)) {
      if (!Files.exists(absolute)) {
        throw new IOException(requested + ": is a symbolic link to a missing file ("
            + Files.readSymbolicLink(absolute) + ")");
      }
      absolute = absolute.toRealPath();
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException(requested + ": is a directory");
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(requested + ": is not a regular file (a FIFO, device or socket);"
          + " refusing to replace it");
    }
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException(requested + ": cannot write there: " + dir + " is not a directory");
    }
    return dir.toRealPath().resolve(absolute.getFileName());
  }

  private static Path createStaging(Path requested, Path target) throws IOException {
    String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
    for (int attempt = 0; ; attempt++) {
      Path staging = target.resolveSibling(
          prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + SUFFIX);
      try {
        return Files.createFile(staging); // no attributes given: the umask decides the mode
      } catch (FileAlreadyExistsException e) {
        if (attempt == 16) {
          throw e;
        }
      } catch (IOException e) {
        throw new IOException(requested + ": cannot write in " + target.getParent() + " ("
            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
      }
    }
  }

  /** Deletes {@code .NAME.PID.*.tmp} beside {@code target} whose process no longer runs. */
  private static void removeStale(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(target.getParent(), glob(prefix) + "*" + SUFFIX)) {
      for (Path p : siblings) {
        String middle = p.getFileName().toString();
        middle = middle.substring(prefix.length(), middle.length() - SUFFIX.length());
        int dot = middle.indexOf('.');
        if (dot <= 0 || middle.indexOf('.', dot + 1) >= 0) {
          continue; // not one of ours
        }
        long pid;
        try {
          pid = Long.parseLong(middle.substring(0, dot));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (NoSuchFileException e) {
      // the directory is checked by resolve; nothing to clean
    }
  }

  /** {@code text} with the glob's special characters escaped. */
  private static String glob(String text) {
    return text.replaceAll("([\\\\*?\\[\\]{},])", "\\\\$1");
  }

  private static void keepPermissions(Path target, Path staging) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view == null || !Files.exists(target)) {
      return; // a new file, or no POSIX permissions here: the staging file's own mode stands
    }
    Set<PosixFilePermission> mode = view.readAttributes().permissions();
    Files.setPosixFilePermissions(staging, mode);
  }

  /** Makes a rename durable where the platform allows opening a directory. */
  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported everywhere (e.g. Windows); the file itself is already on disk.
    }
  }
}
