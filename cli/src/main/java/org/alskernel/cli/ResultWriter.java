package org.alskernel.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A command's result as rows under named columns, written as {@link OutputFormat text, TSV or JSON}.
 * A cell is a {@link String} (an id, a name) or a {@link Number}. TSV and JSON rows are written as
 * they come; text is aligned, so it is held until {@link #finish}.
 */
abstract sealed class ResultWriter {
  final PrintWriter out;
  final String[] columns;

  private ResultWriter(PrintWriter out, String[] columns) {
    this.out = out;
    this.columns = columns.clone();
  }

  static ResultWriter of(OutputFormat format, PrintWriter out, String... columns) {
    return switch (format) {
      case TEXT -> new Text(out, columns);
      case TSV -> new Tsv(out, columns);
      case JSON -> new Json(out, columns);
    };
  }

  /** Adds one row, a cell per column. */
  final ResultWriter row(Object... cells) {
    if (cells.length != columns.length) {
      throw new IllegalArgumentException("expected " + columns.length + " cells, got " + cells.length);
    }
    write(cells);
    return this;
  }

  abstract void write(Object[] cells);

  /** Ends the result (an empty result is a header alone, or {@code []}). */
  abstract void finish();

  private static final class Text extends ResultWriter {
    private final TextTable table;

    Text(PrintWriter out, String[] columns) {
      super(out, columns);
      table = new TextTable(columns);
    }

    @Override
    void write(Object[] cells) {
      String[] text = new String[cells.length];
      for (int c = 0; c < cells.length; c++) {
        text[c] = cells[c] instanceof Float || cells[c] instanceof Double
            ? String.format(Locale.ROOT, "%.4f", ((Number) cells[c]).doubleValue())
            : String.valueOf(cells[c]);
      }
      table.row(text);
    }

    @Override
    void finish() {
      table.print(out);
      out.flush();
    }
  }

  /**
   * Tab-separated values. A backslash, tab, carriage return or line feed inside a cell is written as
   * {@code \\}, {@code \t}, {@code \r}, {@code \n}, so every row stays one line of the right width.
   */
  private static final class Tsv extends ResultWriter {
    Tsv(PrintWriter out, String[] columns) {
      super(out, columns);
      line(columns);
    }

    @Override
    void write(Object[] cells) {
      line(cells);
    }

    private void line(Object[] cells) {
      StringBuilder s = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) s.append('\t');
        s.append(cells[c] instanceof Number n ? number(n) : escape(String.valueOf(cells[c])));
      }
      out.println(s);
    }

    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    void finish() {
      out.flush();
    }
  }

  /** A JSON array of objects; strings escaped as RFC 8259 requires, a non-finite number as null. */
  private static final class Json extends ResultWriter {
    private boolean first = true;

    Json(PrintWriter out, String[] columns) {
      super(out, columns);
      out.print("[");
    }

    @Override
    void write(Object[] cells) {
      StringBuilder s = new StringBuilder(first ? "\n  {" : ",\n  {");
      first = false;
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) s.append(", ");
        string(s, columns[c]).append(": ");
        if (cells[c] instanceof Number n) {
          s.append(Double.isFinite(n.doubleValue()) ? number(n) : "null");
        } else {
          string(s, String.valueOf(cells[c]));
        }
      }
      out.print(s.append('}'));
    }

    private static StringBuilder string(StringBuilder s, String v) {
      s.append('"');
      for (int j = 0; j < v.length(); j++) {
        char ch = v.charAt(j);
        switch (ch) {
          case '"' -> s.append("\\\"");
          case '\\' -> s.append("\\\\");
          case '\n' -> s.append("\\n");
          case '\r' -> s.append("\\r");
          case '\t' -> s.append("\\t");
          default -> {
            if (ch < 0x20) s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            else s.append(ch);
          }
        }
      }
      return s.append('"');
    }

    @Override
    void finish() {
      out.println(first ? "]" : "\n]");
      out.flush();
    }
  }

  /** A float in the fewest digits that read back to the same float; integers as they are. */
  private static String number(Number n) {
    return n instanceof Float f ? Float.toString(f) : n instanceof Double d ? Double.toString(d)
        : n.toString();
  }
}
