package org.alskernel.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alskernel.io.OutputFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where and how a command writes its result: {@code --output text|tsv|json} and {@code --out FILE}. */
final class ResultOptions {
  @Option(names = "--output", paramLabel = "LAYOUT", defaultValue = "text",
      converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Labels.class,
      description = "text (aligned), tsv or json (default: ${DEFAULT-VALUE}); messages go to stderr")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write the result to FILE (replaced only once complete) instead of stdout")
  Path file;

  /**
   * Opens the result's destination. With {@code --out} the file is checked against {@code inputs}
   * and staged now, before any work, and replaced only by {@link Target#commit}.
   */
  Target open(CommandSpec spec, List<Path> inputs) throws IOException {
    if (file == null) {
      return new Target(spec.commandLine().getOut(), null);
    }
    OutputFiles staged = OutputFiles.prepare(inputs, List.of(file));
    try {
      PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
          Files.newOutputStream(staged.staging(file)), StandardCharsets.UTF_8)));
      return new Target(w, staged);
    } catch (IOException | RuntimeException e) {
      staged.close();
      throw e;
    }
  }

  /** An open destination; closing it without {@link #commit} leaves {@code --out}'s file as it was. */
  final class Target implements AutoCloseable {
    private final PrintWriter writer;
    private final OutputFiles staged;

    private Target(PrintWriter writer, OutputFiles staged) {
      this.writer = writer;
      this.staged = staged;
    }

    /** A writer of the result in the chosen format. */
    ResultWriter result(String... columns) {
      return ResultWriter.of(format, writer, columns);
    }

    void commit() throws IOException {
      writer.flush();
      if (staged == null) return;
      if (writer.checkError()) { // flushes; a PrintWriter keeps its I/O errors to itself
        throw new IOException(file + ": could not be written (disk full?)");
      }
      writer.close();
      staged.commit();
    }

    @Override
    public void close() throws IOException {
      if (staged != null) {
        writer.close();
        staged.close();
      }
    }
  }
}
