package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {
  private static long parseLong(String s) {
    byte[] b = ("x" + s + "y").getBytes(StandardCharsets.ISO_8859_1);
    return Numbers.parseLong(b, 1, b.length - 1);
  }

  private static float parseFloat(String s) {
    byte[] b = ("x" + s + "y").getBytes(StandardCharsets.ISO_8859_1);
    return Numbers.parseFloat(b, 1, b.length - 1);
  }

  @Test
  void longs() {
    assertEquals(0, parseLong("0"));
    assertEquals(196, parseLong("196"));
    assertEquals(-7, parseLong("-7"));
    assertEquals(7, parseLong("+7"));
    assertEquals(881250949L, parseLong("881250949"));
    assertEquals(Long.MAX_VALUE, parseLong("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, parseLong("-9223372036854775808"));
    assertEquals(5, parseLong("0000000000000000000000005"));
  }

  @Test
  void badLongsAreRefused() {
    for (String s : new String[] {
        "", "-", "+", "1.0", "1e3", " 1", "1 ", "abc", "12a", "--1", "0x10", "١٢",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1234567890123456789a"}) {
      assertThrows(NumberFormatException.class, () -> parseLong(s), s);
    }
  }

  @Test
  void floatsMatchFloatParseFloat() {
    for (String s : new String[] {
        "0", "4", "4.0", "3.5", "0.5", "-2.25", "+1", "352698", "1e3", "1E-3", "-1.5e+2", ".5", "5.",
        "16777216", "16777217", "123456789", "0.1", "0.3", "3.4028235e38", "1e-50", "-0",
        "1.00000001", "0.000000000001", "12345678901234567890"}) {
      assertEquals(Float.parseFloat(s), parseFloat(s), s);
    }
  }

  @Test
  void randomDecimalsMatchFloatParseFloat() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 200_000; n++) {
      int digits = 1 + random.nextInt(10);
      StringBuilder sb = new StringBuilder();
      if (random.nextInt(4) == 0) sb.append('-');
      for (int k = 0; k < digits; k++) sb.append((char) ('0' + random.nextInt(10)));
      int point = random.nextInt(digits + 1);
      if (point < digits) sb.insert(sb.length() - digits + point, '.');
      String s = sb.toString();
      assertEquals(Float.parseFloat(s), parseFloat(s), s);
    }
  }

  @Test
  void badFloatsAreRefused() {
    for (String s : new String[] {
        "", "-", ".", "NaN", "Infinity", "-Infinity", "1f", "1d", "0x1p3", " 1", "1 ", "1e", "1e+",
        "e3", "4.0.0", "abc", "1,5", "1e39", "-1e39", "3.5e38"}) {
      assertThrows(NumberFormatException.class, () -> parseFloat(s), s);
    }
  }
}
