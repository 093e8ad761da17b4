package org.alskernel.cli;

import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --output}: how a command prints its result. */
enum OutputFormat {
  /** Aligned columns for people, numbers to four decimals. */
  TEXT("text"),
  /** A header line, then one tab-separated line per row, numbers in full. */
  TSV("tsv"),
  /** One JSON array of objects, one per row, keyed by the column names. */
  JSON("json");

  final String label;

  OutputFormat(String label) {
    this.label = label;
  }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : values()) {
        if (f.label.equalsIgnoreCase(value)) return f;
      }
      throw new TypeConversionException("unknown output '" + value + "' (one of text, tsv, json)");
    }
  }

  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(f -> f.label).iterator();
    }
  }
}
