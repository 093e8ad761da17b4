package org.alskernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.alskernel.data.Interactions;

/**
 * A delimited interaction file layout: one entry per line, fields split by a separator, with the
 * (0-based) columns holding the user id, item id, value and timestamp. Immutable; build one with
 * {@link #builder()} or take a preset from {@link Formats}.
 *
 * <p>Rules, for every format:
 *
 * <ul>
 *   <li>Lines end with LF or CRLF; the last line may lack its line ending.
 *   <li>With {@link Builder#header(boolean) header(true)} the first line is skipped unread.
 *   <li>Empty lines are skipped wherever they are (they still count for line numbers).
 *   <li>Every other line must have exactly {@link #columns()} fields. Fields are taken verbatim: no
 *       quoting, no trimming of blanks.
 *   <li>Numeric ids and timestamps are decimal integers that fit a long; values are decimal floats
 *       (e.g. {@code 4}, {@code 3.5}, {@code -1e3}) that must be finite ({@code NaN} and {@code
 *       Infinity} are refused). Without a value column every entry has value 1.
 *   <li>String ids are decoded with {@link Builder#charset(Charset) the charset} (UTF-8 unless set);
 *       bytes that are invalid in it are refused rather than replaced.
 * </ul>
 *
 * <p>Anything else throws {@link MalformedLineException} naming the source, line number and text;
 * nothing is returned then. The charset must be ASCII-compatible (UTF-8, ISO-8859-1, windows-1252,
 * ...): lines and fields are found by byte value.
 */
public final class DelimitedFormat {
  private final byte[] separator;
  private final String separatorText;
  private final int userColumn;
  private final int itemColumn;
  private final int valueColumn;
  private final int timestampColumn;
  private final int columns;
  private final boolean header;
  private final boolean numericIds;
  private final Charset charset;

  private DelimitedFormat(Builder b) {
    this.separatorText = b.separator;
    this.separator = b.separator.getBytes(b.charset);
    this.userColumn = b.userColumn;
    this.itemColumn = b.itemColumn;
    this.valueColumn = b.valueColumn;
    this.timestampColumn = b.timestampColumn;
    this.header = b.header;
    this.numericIds = b.numericIds;
    this.charset = b.charset;
    int used = Math.max(Math.max(userColumn, itemColumn), Math.max(valueColumn, timestampColumn)) + 1;
    this.columns = b.columns == 0 ? used : b.columns;
  }

  /** Most fields a line may have: far beyond any interaction file, and the parser's scratch small. */
  public static final int MAX_COLUMNS = 4096;

  /** A builder with no columns set, separator tab, no header, numeric ids, UTF-8. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a file; messages name it by {@code path.toString()}.
   *
   * @throws IOException naming the path: a directory, a malformed line ({@link
   *     MalformedLineException}), or a file too large for this JVM's heap
   */
  public Interactions read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IOException(path + ": is a directory");
    }
    long bytes = Files.size(path);
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in, path.toString(), bytes);
    }
  }

  /**
   * Reads a stream to its end (it is not closed); {@code source} names it in messages.
   */
  public Interactions read(InputStream in, String source) throws IOException {
    return parse(in, source, -1);
  }

  private Interactions parse(InputStream in, String source, long bytes) throws IOException {
    try {
      return new DelimitedParser(this, in, source, bytes).parse();
    } catch (OutOfMemoryError e) {
      // Only the parser's own arrays were growing, and they are unreachable now: the heap is free
      // again, and the caller gets a message instead of an error.
      throw new IOException(source + ": its interactions and ids do not fit in this JVM's heap of "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MB (raise -Xmx)");
    }
  }

  byte[] separatorBytes() {
    return separator.clone();
  }

  public String separator() {
    return separatorText;
  }

  public int userColumn() {
    return userColumn;
  }

  public int itemColumn() {
    return itemColumn;
  }

  /** The value column, or -1 when every entry has value 1. */
  public int valueColumn() {
    return valueColumn;
  }

  /** The timestamp column, or -1 when there is none. */
  public int timestampColumn() {
    return timestampColumn;
  }

  /** The exact number of fields every data line must have. */
  public int columns() {
    return columns;
  }

  public boolean header() {
    return header;
  }

  public boolean numericIds() {
    return numericIds;
  }

  public Charset charset() {
    return charset;
  }

  @Override
  public String toString() {
    return "DelimitedFormat[separator=\"" + separatorText.replace("\t", "\\t") + "\", user="
        + userColumn + ", item=" + itemColumn + ", value=" + valueColumn + ", timestamp="
        + timestampColumn + ", columns=" + columns + ", header=" + header + ", numericIds="
        + numericIds + ", charset=" + charset + "]";
  }

  /** Collects the settings of a {@link DelimitedFormat}; {@link #build()} checks them together. */
  public static final class Builder {
    private String separator = "\t";
    private int userColumn = -1;
    private int itemColumn = -1;
    private int valueColumn = -1;
    private int timestampColumn = -1;
    private int columns = 0;
    private boolean header = false;
    private boolean numericIds = true;
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {}

    public Builder separator(char separator) {
      return separator(String.valueOf(separator));
    }

    public Builder separator(String separator) {
      Objects.requireNonNull(separator, "separator");
      if (separator.isEmpty() || separator.indexOf('\n') >= 0 || separator.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("separator must be non-empty and contain no CR or LF");
      }
      this.separator = separator;
      return this;
    }

    /** The 0-based column of the user id (required). */
    public Builder userColumn(int column) {
      this.userColumn = requireColumn(column);
      return this;
    }

    /** The 0-based column of the item id (required). */
    public Builder itemColumn(int column) {
      this.itemColumn = requireColumn(column);
      return this;
    }

    /** The 0-based column of the value, or -1 (the default) for value 1 on every entry. */
    public Builder valueColumn(int column) {
      this.valueColumn = column == -1 ? -1 : requireColumn(column);
      return this;
    }

    /** The 0-based column of the timestamp, or -1 (the default) for none. */
    public Builder timestampColumn(int column) {
      this.timestampColumn = column == -1 ? -1 : requireColumn(column);
      return this;
    }

    /**
     * The exact number of fields per line; 0 (the default) means one more than the highest column
     * used. Set it when lines carry extra columns that are not read.
     */
    public Builder columns(int columns) {
      if (columns < 0 || columns > MAX_COLUMNS) {
        throw new IllegalArgumentException(
            "columns must be in [0, " + MAX_COLUMNS + "]: " + columns);
      }
      this.columns = columns;
      return this;
    }

    /** Whether the first line is a header to skip. */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /** True (the default): ids are decimal longs; false: ids are arbitrary strings. */
    public Builder numericIds(boolean numericIds) {
      this.numericIds = numericIds;
      return this;
    }

    /** The charset of string ids (and of line text in messages); UTF-8 unless set. */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    public DelimitedFormat build() {
      if (userColumn < 0 || itemColumn < 0) {
        throw new IllegalStateException("userColumn and itemColumn must both be set");
      }
      int[] used = {userColumn, itemColumn, valueColumn, timestampColumn};
      for (int a = 0; a < used.length; a++) {
        for (int b = a + 1; b < used.length; b++) {
          if (used[a] >= 0 && used[a] == used[b]) {
            throw new IllegalStateException("column " + used[a] + " is given two roles");
          }
        }
      }
      int highest = Math.max(Math.max(userColumn, itemColumn), Math.max(valueColumn, timestampColumn));
      if (columns != 0 && columns <= highest) {
        throw new IllegalStateException(
            "columns = " + columns + " but column " + highest + " is used (columns are 0-based)");
      }
      // Lines and fields are found by byte value, so LF, CR and digits must be their ASCII bytes.
      if (!Arrays.equals("\n\r0123456789-+.eE".getBytes(charset),
          "\n\r0123456789-+.eE".getBytes(StandardCharsets.US_ASCII))) {
        throw new IllegalStateException(charset + " is not ASCII-compatible");
      }
      if (!charset.newEncoder().canEncode(separator)) {
        throw new IllegalStateException("separator cannot be encoded in " + charset);
      }
      return new DelimitedFormat(this);
    }

    private static int requireColumn(int column) {
      if (column < 0 || column >= MAX_COLUMNS) {
        throw new IllegalArgumentException(
            "column must be in [0, " + (MAX_COLUMNS - 1) + "]: " + column);
      }
      return column;
    }
  }
}
