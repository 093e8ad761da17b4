package org.alskernel.io;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing straight from bytes, without building a String on the common path.
 *
 * <p>Both parsers accept exactly what they document and throw {@link NumberFormatException} with a
 * short reason otherwise (the caller adds file, line and text). Rare inputs (very long digit strings,
 * exponents) go to the JDK's parser, after a strict grammar check, since {@link Float#parseFloat}
 * alone would also accept "NaN", "Infinity", "1f", hex floats and surrounding blanks.
 */
final class Numbers {
  private Numbers() {}

  /** 10^k for k in 0..10: all exactly representable as floats. */
  private static final float[] POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

  /** Largest mantissa converted exactly by {@code (float) m}: 2^24. */
  private static final int EXACT_FLOAT_INT = 1 << 24;

  /**
   * A decimal integer: optional sign, then ASCII digits only.
   *
   * @throws NumberFormatException when the text is empty, has any other character, or overflows a long
   */
  static long parseLong(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == to) throw new NumberFormatException("not an integer");
    if (to - i > 18) return parseLongSlow(b, from, i, to);
    // At most 18 digits: below 10^18 < 2^63, so no overflow is possible.
    long v = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) throw new NumberFormatException("not an integer");
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private static long parseLongSlow(byte[] b, int from, int digitsFrom, int to) {
    for (int i = digitsFrom; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') throw new NumberFormatException("not an integer");
    }
    try {
      return Long.parseLong(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      throw new NumberFormatException("integer out of range (more than 64 bits)");
    }
  }

  /**
   * A decimal float: {@code [+-] digits [. digits] [(e|E) [+-] digits]} with at least one mantissa
   * digit, rounded to the nearest float exactly as {@link Float#parseFloat} does.
   *
   * @throws NumberFormatException when the text does not match, or its value is out of float range
   */
  static float parseFloat(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    int mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    int d;
    while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      i++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        digits++;
        fractionDigits++;
        i++;
      }
    }
    // Fast path: the mantissa (at most 9 digits, so no int overflow) and 10^k are exact floats, and
    // one IEEE float division is correctly rounded, so the result equals Float.parseFloat's.
    if (i == to && digits > 0 && digits <= 9 && mantissa <= EXACT_FLOAT_INT && fractionDigits <= 10) {
      float v = fractionDigits == 0 ? (float) mantissa : (float) mantissa / POW10[fractionDigits];
      return negative ? -v : v;
    }
    return parseFloatSlow(b, from, to);
  }

  private static float parseFloatSlow(byte[] b, int from, int to) {
    if (!isDecimal(b, from, to)) throw new NumberFormatException("not a number");
    float v = Float.parseFloat(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    if (Float.isInfinite(v)) throw new NumberFormatException("number out of float range");
    return v;
  }

  /** The strict grammar of the class comment. */
  private static boolean isDecimal(byte[] b, int from, int to) {
    int i = from;
    if (i < to && (b[i] == '-' || b[i] == '+')) i++;
    int digits = 0;
    while (i < to && isDigit(b[i])) {
      i++;
      digits++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && isDigit(b[i])) {
        i++;
        digits++;
      }
    }
    if (digits == 0) return false;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < to && (b[i] == '-' || b[i] == '+')) i++;
      int exponentDigits = 0;
      while (i < to && isDigit(b[i])) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) return false;
    }
    return i == to;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
