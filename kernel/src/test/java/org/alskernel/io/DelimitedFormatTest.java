package org.alskernel.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFormatTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    return file;
  }

  private static Interactions read(DelimitedFormat format, String content) throws IOException {
    return format.read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test input");
  }

  private static void assertIds(IdMap map, long... expected) {
    assertEquals(expected.length, map.size());
    for (int k = 0; k < expected.length; k++) assertEquals(expected[k], map.longId(k));
  }

  @Test
  void movieLens100k() throws IOException {
    Path file = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n");
    Interactions x = Formats.MOVIELENS_100K.read(file);
    assertEquals(3, x.size());
    assertIds(x.users(), 196, 186);
    assertIds(x.items(), 242, 302, 377);
    assertArrayEquals(new int[] {0, 1, 0}, x.userIndex());
    assertArrayEquals(new int[] {0, 1, 2}, x.itemIndex());
    assertArrayEquals(new float[] {3f, 3f, 1f}, x.value());
    assertTrue(x.hasTimestamps());
    assertArrayEquals(new long[] {881250949L, 891717742L, 878887116L}, x.timestamp());
  }

  @Test
  void movieLensDat() throws IOException {
    Path file = write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413");
    Interactions x = Formats.MOVIELENS_DAT.read(file);
    assertEquals(3, x.size());
    assertIds(x.users(), 1, 2);
    assertIds(x.items(), 1193, 661);
    assertArrayEquals(new float[] {5f, 3f, 4f}, x.value());
    assertArrayEquals(new long[] {978300760L, 978302109L, 978298413L}, x.timestamp());
  }

  @Test
  void movieLensCsvWithHeaderAndCrlf() throws IOException {
    Path file = write("ratings.csv",
        "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,4.5,964981247\r\n610,170875,0.5,1493846415\r\n");
    Interactions x = Formats.MOVIELENS_CSV.read(file);
    assertEquals(3, x.size());
    assertIds(x.users(), 1, 610);
    assertIds(x.items(), 1, 3, 170875);
    assertArrayEquals(new float[] {4f, 4.5f, 0.5f}, x.value());
    assertArrayEquals(new long[] {964982703L, 964981247L, 1493846415L}, x.timestamp());
  }

  @Test
  void lastFmUserArtists() throws IOException {
    Path file = write("user_artists.dat",
        "userID\tartistID\tweight\r\n2\t51\t13883\r\n2\t52\t11690\r\n2100\t18730\t352698\r\n");
    Interactions x = Formats.LASTFM_USER_ARTISTS.read(file);
    assertEquals(3, x.size());
    assertFalse(x.hasTimestamps());
    assertNull(x.timestamp());
    assertIds(x.users(), 2, 2100);
    assertIds(x.items(), 51, 52, 18730);
    assertArrayEquals(new float[] {13883f, 11690f, 352698f}, x.value());
  }

  @Test
  void missingFinalNewlineCrlfAndEmptyLinesAreAccepted() throws IOException {
    DelimitedFormat f = Formats.MOVIELENS_100K;
    for (String content : new String[] {
        "1\t2\t3\t4\n5\t6\t7\t8", "1\t2\t3\t4\n5\t6\t7\t8\n", "1\t2\t3\t4\r\n5\t6\t7\t8\r\n",
        "1\t2\t3\t4\r\n5\t6\t7\t8\r", "\n1\t2\t3\t4\n\n\r\n5\t6\t7\t8\n\n"}) {
      Interactions x = read(f, content);
      assertEquals(2, x.size(), content);
      assertArrayEquals(new float[] {3f, 7f}, x.value(), content);
      assertArrayEquals(new long[] {4L, 8L}, x.timestamp(), content);
    }
    assertEquals(0, read(f, "").size());
    assertEquals(0, read(Formats.MOVIELENS_CSV, "userId,movieId,rating,timestamp\r\n").size());
    assertEquals(0, read(Formats.MOVIELENS_CSV, "userId,movieId,rating,timestamp").size());
  }

  @Test
  void headerIsOnlySkippedWhenDeclared() {
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> read(Formats.MOVIELENS_100K, "user\titem\trating\tts\n1\t2\t3\t4\n"));
    assertEquals(1, e.lineNumber());
  }

  @Test
  void duplicatesAreKeptInEntriesAndSummedInCsr() throws IOException {
    Interactions x = read(Formats.LASTFM_USER_ARTISTS,
        "userID\tartistID\tweight\n7\t100\t5\n8\t100\t1\n7\t100\t2\n7\t200\t1\n");
    assertEquals(4, x.size());
    CsrMatrix m = x.toCsr();
    assertEquals(2, m.rows());
    assertEquals(2, m.cols());
    assertEquals(3, m.nnz());
    assertEquals(7f, m.get(x.users().indexOf(7), x.items().indexOf(100)));
    assertEquals(1f, m.get(x.users().indexOf(8), x.items().indexOf(100)));
  }

  @Test
  void generalReaderWithStringIdsNoValueAndExtraColumns() throws IOException {
    DelimitedFormat f = DelimitedFormat.builder()
        .separator(";").columns(4).itemColumn(3).userColumn(1).numericIds(false).header(true).build();
    Interactions x = read(f, "x;user;y;item\nq;alice;z;Ünïcødé\nq;bob;z;song 1\nq;alice;z;song 1\n");
    assertEquals(3, x.size());
    assertFalse(x.users().isNumeric());
    assertEquals("alice", x.users().id(0));
    assertEquals("Ünïcødé", x.items().id(0));
    assertEquals("song 1", x.items().id(1));
    assertArrayEquals(new float[] {1f, 1f, 1f}, x.value());
    assertArrayEquals(new int[] {0, 1, 0}, x.userIndex());
    assertArrayEquals(new int[] {0, 1, 1}, x.itemIndex());
    assertFalse(x.hasTimestamps());
  }

  @Test
  void multiCharacterSeparatorAndReorderedColumns() throws IOException {
    DelimitedFormat f = DelimitedFormat.builder()
        .separator("||").timestampColumn(0).valueColumn(1).itemColumn(2).userColumn(3).build();
    Interactions x = read(f, "100||2.5||9||1\n200||1e1||9||2\n");
    assertIds(x.users(), 1, 2);
    assertIds(x.items(), 9);
    assertArrayEquals(new float[] {2.5f, 10f}, x.value());
    assertArrayEquals(new long[] {100, 200}, x.timestamp());
  }

  @Test
  void stringIdsInLatin1() throws IOException {
    DelimitedFormat f = DelimitedFormat.builder().separator(',').userColumn(0).itemColumn(1)
        .numericIds(false).charset(StandardCharsets.ISO_8859_1).build();
    Interactions x = f.read(write("latin1.csv", "café,b\n"));
    assertEquals("café", x.users().id(0));
  }

  @Test
  void linesLongerThanTheReadBlockAreRead() throws IOException {
    DelimitedFormat f = DelimitedFormat.builder().separator(',').columns(3).userColumn(0).itemColumn(1)
        .numericIds(false).build();
    String longItem = "i".repeat(3 << 20);
    Interactions x = read(f, "u," + longItem + ",pad\nv,w,pad\n");
    assertEquals(2, x.size());
    assertEquals(longItem, x.items().id(0));
    assertEquals("w", x.items().id(1));
  }

  @Test
  void manyLinesAcrossBlockBoundaries() throws IOException {
    StringBuilder sb = new StringBuilder();
    int n = 200_000;
    for (int k = 0; k < n; k++) {
      sb.append(k % 1000).append('\t').append(k % 777).append('\t').append(k % 5).append('.').append(k % 10)
          .append('\t').append(1_000_000_000L + k).append(k % 3 == 0 ? "\r\n" : "\n");
    }
    Path file = write("big.data", sb.toString());
    Interactions x = Formats.MOVIELENS_100K.read(file);
    assertEquals(n, x.size());
    assertEquals(1000, x.users().size());
    assertEquals(777, x.items().size());
    for (int k = 0; k < n; k += 997) {
      assertEquals(k % 1000, x.users().longId(x.userIndex()[k]));
      assertEquals(k % 777, x.items().longId(x.itemIndex()[k]));
      assertEquals(Float.parseFloat((k % 5) + "." + (k % 10)), x.value()[k]);
      assertEquals(1_000_000_000L + k, x.timestamp()[k]);
    }
  }

  @Test
  void builderRefusesInconsistentLayouts() {
    assertThrows(IllegalStateException.class, () -> DelimitedFormat.builder().userColumn(0).build());
    assertThrows(IllegalStateException.class,
        () -> DelimitedFormat.builder().userColumn(0).itemColumn(0).build());
    assertThrows(IllegalStateException.class,
        () -> DelimitedFormat.builder().userColumn(0).itemColumn(1).valueColumn(1).build());
    assertThrows(IllegalStateException.class,
        () -> DelimitedFormat.builder().userColumn(0).itemColumn(3).columns(3).build());
    assertThrows(IllegalStateException.class, () -> DelimitedFormat.builder().userColumn(0).itemColumn(1)
        .charset(StandardCharsets.UTF_16).build());
    assertThrows(IllegalArgumentException.class, () -> DelimitedFormat.builder().separator(""));
    assertThrows(IllegalArgumentException.class, () -> DelimitedFormat.builder().separator("\n"));
    assertThrows(IllegalArgumentException.class, () -> DelimitedFormat.builder().userColumn(-1));
  }
}
