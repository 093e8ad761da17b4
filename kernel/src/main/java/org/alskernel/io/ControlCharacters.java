package org.alskernel.io;

/** Makes text safe to print on a terminal: messages quote input, and input can hold anything. */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * {@code text} with every control or invisible formatting character written as an escape, so a
   * message never carries raw control bytes to a terminal (tabs stay as they are): NUL as
   * backslash-u0000, other C0 controls and DEL as backslash-x and two hex digits, C1 controls and
   * format characters (a byte-order mark, bidirectional overrides) as backslash-u and four.
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int j = 0; j < text.length(); j++) {
      char c = text.charAt(j);
      String escaped;
      if (c == '\t') {
        escaped = null; // the usual separator: harmless, and the line reads as it is
      } else if (c == 0) {
        escaped = "\\u0000";
      } else if (c < 0x20 || c == 0x7f) {
        escaped = String.format("\\x%02x", (int) c);
      } else if ((c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) && !validPair(text, j)) {
        escaped = String.format("\\u%04X", (int) c);
      } else {
        escaped = null;
      }
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, j);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether the surrogate at {@code j} is half of a well-formed pair. */
  private static boolean validPair(String text, int j) {
    char c = text.charAt(j);
    if (Character.isHighSurrogate(c)) {
      return j + 1 < text.length() && Character.isLowSurrogate(text.charAt(j + 1));
    }
    return j > 0 && Character.isHighSurrogate(text.charAt(j - 1));
  }

}
