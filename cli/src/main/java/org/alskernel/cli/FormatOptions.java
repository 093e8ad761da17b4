package org.alskernel.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.alskernel.data.Interactions;
import org.alskernel.io.DelimitedFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How to read an interaction file: a preset ({@code --format ml-100k}) or a delimited layout described
 * column by column, plus an optional filter that turns ratings into implicit feedback.
 */
final class FormatOptions {
  @Option(names = "--format", paramLabel = "FORMAT", converter = InputFormat.Converter.class,
      completionCandidates = InputFormat.Labels.class,
      description = "ml-100k (u.data), ml-dat (ratings.dat), ml-csv (ratings.csv), lastfm "
          + "(user_artists.dat), or delimited (describe it with --sep and the column options)")
  InputFormat format;

  @Option(names = "--sep", paramLabel = "S",
      description = "delimited: field separator (default: tab; \\t and 'tab' also mean tab)")
  String separator;

  @Option(names = "--user-col", paramLabel = "N", description = "delimited: 0-based column of the user id")
  Integer userColumn;

  @Option(names = "--item-col", paramLabel = "N", description = "delimited: 0-based column of the item id")
  Integer itemColumn;

  @Option(names = "--value-col", paramLabel = "N",
      description = "delimited: 0-based column of the value (default: none, every entry counts 1)")
  Integer valueColumn;

  @Option(names = "--time-col", paramLabel = "N",
      description = "delimited: 0-based column of the timestamp (default: none)")
  Integer timeColumn;

  @Option(names = "--columns", paramLabel = "N",
      description = "delimited: fields per line when lines have columns beyond those read")
  Integer columns;

  @Option(names = "--header", description = "delimited: skip the first line")
  Boolean header;

  @Option(names = "--string-ids", description = "delimited: ids are strings, not integers")
  Boolean stringIds;

  @Option(names = "--min-value", paramLabel = "V",
      description = "keep only entries whose value is at least V (e.g. 4 for ratings >= 4)")
  Float minValue;

  @Option(names = "--binary", description = "give every kept entry the value 1")
  boolean binary;

  /** Reads {@code file}; {@code what} names the file's option in messages ("FILE", "--data"). */
  Interactions read(CommandSpec spec, Path file, String what) throws IOException {
    DelimitedFormat layout = layout(spec, what);
    Interactions data = layout.read(file);
    Interactions kept = minValue == null ? data : data.atLeast(minValue);
    return binary ? kept.binary() : kept;
  }

  private DelimitedFormat layout(CommandSpec spec, String what) {
    if (minValue != null && !Float.isFinite(minValue)) {
      throw new ParameterException(spec.commandLine(),
          "--min-value must be a finite number, got " + minValue);
    }
    if (format == null) {
      throw new ParameterException(spec.commandLine(),
          "--format is required with " + what + " (one of " + InputFormat.labels() + ")");
    }
    boolean custom = separator != null || userColumn != null || itemColumn != null
        || valueColumn != null || timeColumn != null || columns != null || header != null
        || stringIds != null;
    if (format.preset() != null) {
      if (custom) {
        throw new ParameterException(spec.commandLine(), "--sep, --user-col, --item-col, "
            + "--value-col, --time-col, --columns, --header and --string-ids need --format delimited");
      }
      return format.preset();
    }
    if (userColumn == null || itemColumn == null) {
      throw new ParameterException(spec.commandLine(),
          "--format delimited needs --user-col and --item-col");
    }
    try {
      DelimitedFormat.Builder b = DelimitedFormat.builder()
          .separator(separator == null ? "\t" : unescape(separator))
          .userColumn(userColumn).itemColumn(itemColumn)
          .valueColumn(valueColumn == null ? -1 : valueColumn)
          .timestampColumn(timeColumn == null ? -1 : timeColumn)
          .header(Boolean.TRUE.equals(header))
          .numericIds(!Boolean.TRUE.equals(stringIds));
      if (columns != null) b.columns(columns);
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A tab is awkward to type in a shell, so its escape and its name are accepted. */
  private static String unescape(String s) {
    return switch (s) {
      case "\\t", "tab" -> "\t";
      default -> s;
    };
  }
}
