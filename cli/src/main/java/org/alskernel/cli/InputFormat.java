package org.alskernel.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.alskernel.io.DelimitedFormat;
import org.alskernel.io.Formats;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A value of {@code --format}: one of the kernel's presets by its name ({@link Formats#BY_NAME}), or
 * {@code delimited}, whose layout comes from the other options.
 *
 * @param label the name on the command line
 * @param preset the preset, or null for {@code delimited}
 */
record InputFormat(String label, DelimitedFormat preset) {
  static final String DELIMITED = "delimited";

  static List<String> names() {
    List<String> names = new ArrayList<>(Formats.BY_NAME.keySet());
    names.add(DELIMITED);
    return names;
  }

  static String labels() {
    return String.join(", ", names());
  }

  /** Parses the names, ignoring case. */
  static final class Converter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      for (String name : names()) {
        if (name.equalsIgnoreCase(value)) {
          return new InputFormat(name, Formats.BY_NAME.get(name));
        }
      }
      throw new TypeConversionException("unknown format '" + value + "' (one of " + labels() + ")");
    }
  }

  /** For the help text and shell completion. */
  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
