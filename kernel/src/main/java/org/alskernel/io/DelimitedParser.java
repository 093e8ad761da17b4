package org.alskernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;

/**
 * The one parser behind every {@link DelimitedFormat}: reads bytes in large blocks, finds lines and
 * fields by scanning for byte values, and parses numbers from the bytes in place. A String is built
 * only for string ids and for error messages. One instance reads one source, once.
 */
final class DelimitedParser {
  private static final int BLOCK = 1 << 20;
  private static final int MAX_ENTRIES = Integer.MAX_VALUE - 16;

  private static final byte SKIP = 0;
  private static final byte USER = 1;
  private static final byte ITEM = 2;
  private static final byte VALUE = 3;
  private static final byte TIME = 4;
  private static final String[] ROLE_NAMES = {"unused field", "user id", "item id", "value", "timestamp"};

  private final DelimitedFormat format;
  private final InputStream in;
  private final String source;
  private final byte[] sep;
  private final byte sep0;
  private final byte[] roles;
  private final int lastColumn;
  private final boolean numericIds;
  private final CharsetDecoder decoder;

  private final IdMap users;
  private final IdMap items;
  private int[] userIndex;
  private int[] itemIndex;
  private float[] value;
  private long[] timestamp;
  private int size;
  private long lineNumber;

  DelimitedParser(DelimitedFormat format, InputStream in, String source, long sizeHint) {
    this.format = format;
    this.in = in;
    this.source = source;
    this.sep = format.separatorBytes();
    this.sep0 = sep[0];
    this.numericIds = format.numericIds();
    this.roles = new byte[format.columns()];
    this.lastColumn = roles.length - 1;
    roles[format.userColumn()] = USER;
    roles[format.itemColumn()] = ITEM;
    if (format.valueColumn() >= 0) roles[format.valueColumn()] = VALUE;
    if (format.timestampColumn() >= 0) roles[format.timestampColumn()] = TIME;
    this.decoder =
        numericIds
            ? null
            : format.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.users = numericIds ? IdMap.forLongs() : IdMap.forStrings();
    this.items = numericIds ? IdMap.forLongs() : IdMap.forStrings();
    // About 20 bytes per line in the common rating files; growth covers a wrong guess.
    int capacity = Math.clamp(sizeHint > 0 ? sizeHint / 20 : 0, 1024, MAX_ENTRIES);
    userIndex = new int[capacity];
    itemIndex = new int[capacity];
    value = new float[capacity];
    timestamp = format.timestampColumn() >= 0 ? new long[capacity] : null;
  }

  Interactions parse() throws IOException {
    byte[] buf = new byte[BLOCK];
    int start = 0; // first byte of the current (unfinished) line
    int end = 0; // end of valid data
    int scan = 0; // bytes before this are known not to hold a line end
    while (true) {
      for (int p = scan; p < end; p++) {
        if (buf[p] == '\n') {
          line(buf, start, p);
          start = p + 1;
        }
      }
      // Move the unfinished line to the front (growing for an overlong one) and read more.
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
      scan = end;
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) break;
      end += n;
    }
    if (end > start) line(buf, start, end); // last line without a line ending
    return new Interactions(
        users,
        items,
        Arrays.copyOf(userIndex, size),
        Arrays.copyOf(itemIndex, size),
        Arrays.copyOf(value, size),
        timestamp == null ? null : Arrays.copyOf(timestamp, size));
  }

  /** One line, {@code buf[from, to)} without its LF. */
  private void line(byte[] buf, int from, int to) throws MalformedLineException {
    lineNumber++;
    if (lineNumber == 1 && format.header()) return;
    if (to > from && buf[to - 1] == '\r') to--;
    if (to == from) return; // empty lines are skipped (documented in DelimitedFormat)
    int u = -1;
    int i = -1;
    float v = 1f;
    long t = 0;
    int column = 0;
    int pos = from;
    try {
      for (; column <= lastColumn; column++) {
        int fieldEnd;
        if (column == lastColumn) {
          fieldEnd = to;
          if (findSeparator(buf, pos, to) >= 0) throw fieldCount(buf, from, to);
        } else {
          fieldEnd = findSeparator(buf, pos, to);
          if (fieldEnd < 0) throw fieldCount(buf, from, to);
        }
        switch (roles[column]) {
          case USER -> u = id(users, buf, pos, fieldEnd, column, from, to);
          case ITEM -> i = id(items, buf, pos, fieldEnd, column, from, to);
          case VALUE -> v = Numbers.parseFloat(buf, pos, fieldEnd);
          case TIME -> t = Numbers.parseLong(buf, pos, fieldEnd);
          default -> {}
        }
        pos = fieldEnd + sep.length;
      }
    } catch (NumberFormatException e) {
      int fieldEnd = column == lastColumn ? to : findSeparator(buf, pos, to);
      throw badField(buf, from, to, field(column, buf, pos, fieldEnd) + ": " + e.getMessage());
    }
    add(u, i, v, t, buf, from, to);
  }

  private int id(IdMap map, byte[] buf, int from, int to, int column, int lineFrom, int lineTo)
      throws MalformedLineException {
    if (numericIds) return map.getOrAdd(Numbers.parseLong(buf, from, to));
    if (from == to) throw badField(buf, lineFrom, lineTo, field(column, buf, from, to) + ": empty id");
    try {
      return map.getOrAdd(decoder.decode(ByteBuffer.wrap(buf, from, to - from)).toString());
    } catch (CharacterCodingException e) {
      throw badField(
          buf, lineFrom, lineTo, field(column, buf, from, to) + ": not valid " + format.charset());
    }
  }

  private void add(int u, int i, float v, long t, byte[] buf, int from, int to)
      throws MalformedLineException {
    if (size == userIndex.length) {
      if (size == MAX_ENTRIES) throw malformed(buf, from, to, "more than " + MAX_ENTRIES + " entries");
      int capacity = (int) Math.min(MAX_ENTRIES, size + (size >> 1) + 16L);
      userIndex = Arrays.copyOf(userIndex, capacity);
      itemIndex = Arrays.copyOf(itemIndex, capacity);
      value = Arrays.copyOf(value, capacity);
      if (timestamp != null) timestamp = Arrays.copyOf(timestamp, capacity);
    }
    userIndex[size] = u;
    itemIndex[size] = i;
    value[size] = v;
    if (timestamp != null) timestamp[size] = t;
    size++;
  }

  /** Start of the next separator in {@code buf[from, to)}, or -1. */
  private int findSeparator(byte[] buf, int from, int to) {
    byte first = sep0;
    if (sep.length == 1) {
      for (int p = from; p < to; p++) {
        if (buf[p] == first) return p;
      }
      return -1;
    }
    outer:
    for (int p = from, last = to - sep.length; p <= last; p++) {
      if (buf[p] != first) continue;
      for (int k = 1; k < sep.length; k++) {
        if (buf[p + k] != sep[k]) continue outer;
      }
      return p;
    }
    return -1;
  }

  /** A wrong field count explains a bad field better than the field itself ("1::2:3::4"). */
  private MalformedLineException badField(byte[] buf, int from, int to, String problem) {
    if (countFields(buf, from, to) != roles.length) return fieldCount(buf, from, to);
    return malformed(buf, from, to, problem);
  }

  private int countFields(byte[] buf, int from, int to) {
    int fields = 1;
    for (int p = findSeparator(buf, from, to); p >= 0; p = findSeparator(buf, p + sep.length, to)) {
      fields++;
    }
    return fields;
  }

  private MalformedLineException fieldCount(byte[] buf, int from, int to) {
    int fields = countFields(buf, from, to);
    String shownSeparator = format.separator().replace("\t", "\\t");
    return malformed(
        buf, from, to,
        "expected " + roles.length + " fields separated by \"" + shownSeparator + "\", found " + fields);
  }

  private String field(int column, byte[] buf, int from, int to) {
    String text = new String(buf, from, Math.max(0, to - from), format.charset());
    if (text.length() > 50) text = text.substring(0, 50) + "...";
    return ROLE_NAMES[roles[column]] + " (column " + column + ") \"" + text + "\"";
  }

  private MalformedLineException malformed(byte[] buf, int from, int to, String problem) {
    String text = new String(buf, from, to - from, format.charset());
    return new MalformedLineException(source, lineNumber, text, problem);
  }
}
