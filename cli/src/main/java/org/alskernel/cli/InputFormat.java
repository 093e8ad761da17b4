package org.alskernel.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import org.alskernel.io.DelimitedFormat;
import org.alskernel.io.Formats;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --format}: the kernel's presets by their dataset names, or a custom layout. */
enum InputFormat {
  ML_100K("ml-100k", Formats.MOVIELENS_100K),
  ML_DAT("ml-dat", Formats.MOVIELENS_DAT),
  ML_CSV("ml-csv", Formats.MOVIELENS_CSV),
  LASTFM("lastfm", Formats.LASTFM_USER_ARTISTS),
  DELIMITED("delimited", null);

  final String label;
  /** The preset, or null for {@code delimited}, whose layout comes from the other options. */
  final DelimitedFormat preset;

  InputFormat(String label, DelimitedFormat preset) {
    this.label = label;
    this.preset = preset;
  }

  static String labels() {
    return Arrays.stream(values()).map(f -> f.label).collect(Collectors.joining(", "));
  }

  /** Parses the dataset-style names (picocli would otherwise expect the constants' Java names). */
  static final class Converter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      for (InputFormat f : values()) {
        if (f.label.equalsIgnoreCase(value)) return f;
      }
      throw new TypeConversionException("unknown format '" + value + "' (one of " + labels() + ")");
    }
  }

  /** For the help text and shell completion. */
  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(f -> f.label).iterator();
    }
  }
}
