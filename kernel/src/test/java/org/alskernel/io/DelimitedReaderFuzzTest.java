package org.alskernel.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.alskernel.data.Interactions;

/**
 * Any bytes, read as any of the formats: the result is interactions that make a valid matrix, or a
 * {@link MalformedLineException}; nothing else may escape (docs/design.md, "Fuzzing").
 */
class DelimitedReaderFuzzTest {
  private static final DelimitedFormat[] FORMATS = {
      Formats.MOVIELENS_100K, Formats.MOVIELENS_DAT, Formats.MOVIELENS_CSV,
      Formats.LASTFM_USER_ARTISTS,
      DelimitedFormat.builder().separator(",").userColumn(2).itemColumn(0).valueColumn(1)
          .numericIds(false).header(true).build()};

  @FuzzTest(maxDuration = "20s")
  void everyInputIsReadOrRefusedByLine(FuzzedDataProvider data) throws IOException {
    DelimitedFormat format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
    byte[] bytes = data.consumeRemainingAsBytes();
    Interactions read;
    try {
      read = format.read(new ByteArrayInputStream(bytes), "fuzz");
    } catch (MalformedLineException expected) {
      return;
    }
    read.toCsr().validate();
  }
}
