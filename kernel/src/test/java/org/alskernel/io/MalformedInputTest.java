package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal rule: the message names the file, the 1-based line number and the line's text. */
class MalformedInputTest {
  @TempDir Path dir;

  private static final String GOOD = "1\t10\t4.0\t100\n2\t20\t3.5\t200\n";

  /** Writes two good lines, then {@code bad} as line 3, then one more good line. */
  private MalformedLineException refuse(DelimitedFormat format, String bad, String ending)
      throws IOException {
    Path file = dir.resolve("bad-input.data");
    String content = GOOD.replace("\n", ending) + bad + ending + "3\t30\t1\t300" + ending;
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    MalformedLineException e = assertThrows(MalformedLineException.class, () -> format.read(file));
    assertEquals(file.toString(), e.source());
    assertEquals(3, e.lineNumber());
    assertEquals(bad, e.lineText());
    String message = e.getMessage();
    assertTrue(message.contains("bad-input.data"), message);
    assertTrue(message.contains(":3:"), message);
    assertTrue(message.contains("\"" + bad + "\""), message);
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "too few columns       | 1\t10\t4.0                 | expected 4 fields separated by \"\\t\", found 3",
      "too many columns      | 1\t10\t4.0\t100\t7          | expected 4 fields separated by \"\\t\", found 5",
      "non-numeric user id   | u1\t10\t4.0\t100            | user id (column 0) \"u1\": not an integer",
      "non-numeric item id   | 1\t10.5\t4.0\t100           | item id (column 1) \"10.5\": not an integer",
      "non-numeric value     | 1\t10\tgood\t100            | value (column 2) \"good\": not a number",
      "NaN value             | 1\t10\tNaN\t100             | value (column 2) \"NaN\": not a number",
      "infinite value        | 1\t10\tInfinity\t100        | value (column 2) \"Infinity\": not a number",
      "value beyond float    | 1\t10\t1e40\t100            | value (column 2) \"1e40\": number out of float range",
      "overflowing id        | 99999999999999999999\t10\t4\t100 | user id (column 0) \"99999999999999999999\": integer out of range",
      "non-numeric timestamp | 1\t10\t4.0\t2001-01-01      | timestamp (column 3) \"2001-01-01\": not an integer",
      "blank inside a field  | 1\t 10\t4.0\t100            | item id (column 1) \" 10\": not an integer",
      "empty field           | 1\t\t4.0\t100               | item id (column 1) \"\": not an integer",
  })
  void badLinesAreRefusedWithFileLineAndText(String rule, String bad, String problem) throws IOException {
    String line = bad.strip().replace("\\t", "\t");
    for (String ending : new String[] {"\n", "\r\n"}) {
      MalformedLineException e = refuse(Formats.MOVIELENS_100K, line, ending);
      assertTrue(e.problem().startsWith(problem.strip()), rule + ": " + e.getMessage());
    }
  }

  @Test
  void multiCharacterSeparatorCountsFields() throws IOException {
    Path file = dir.resolve("ratings.dat");
    Files.writeString(file, "1::2::3::4\n1::2:3::4\n");
    MalformedLineException e = assertThrows(MalformedLineException.class, () -> Formats.MOVIELENS_DAT.read(file));
    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().contains("ratings.dat:2: expected 4 fields separated by \"::\", found 3: \"1::2:3::4\""),
        e.getMessage());
  }

  @Test
  void streamSourceNameIsUsedAndLinesAfterAHeaderCountFromOne() {
    byte[] content = "userId,movieId,rating,timestamp\r\n1,1,4.0,5\r\n1,x,4.0,5\r\n".getBytes(StandardCharsets.US_ASCII);
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Formats.MOVIELENS_CSV.read(new ByteArrayInputStream(content), "my-stream"));
    assertEquals("my-stream:3: item id (column 1) \"x\": not an integer: \"1,x,4.0,5\"", e.getMessage());
  }

  @Test
  void invalidBytesInStringIdsAreRefusedNotReplaced() {
    DelimitedFormat f = DelimitedFormat.builder().separator(',').userColumn(0).itemColumn(1)
        .numericIds(false).build();
    byte[] content = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xE9, '\n'};
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> f.read(new ByteArrayInputStream(content), "latin1-as-utf8"));
    assertEquals(2, e.lineNumber());
    assertTrue(e.problem().contains("not valid UTF-8"), e.getMessage());
  }

  @Test
  void emptyStringIdsAreRefused() {
    DelimitedFormat f = DelimitedFormat.builder().separator(',').userColumn(0).itemColumn(1)
        .numericIds(false).build();
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> f.read(new ByteArrayInputStream(",b\n".getBytes(StandardCharsets.US_ASCII)), "s"));
    assertEquals("s:1: user id (column 0) \"\": empty id: \",b\"", e.getMessage());
  }

  @Test
  void longLinesAreCutInTheMessageButKeptInLineText() {
    String bad = "1\t2\t" + "9".repeat(500) + "x\t4";
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Formats.MOVIELENS_100K.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)), "s"));
    assertEquals(bad, e.lineText());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }
}
