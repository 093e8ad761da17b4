package org.alskernel.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Presets of {@link DelimitedFormat} for the public datasets the project uses. Each is only a column
 * layout; the parsing rules are those of {@link DelimitedFormat}.
 */
public final class Formats {
  private Formats() {}

  /** MovieLens 100K {@code u.data}: {@code user \t item \t rating \t timestamp}, no header. */
  public static final DelimitedFormat MOVIELENS_100K =
      DelimitedFormat.builder().separator('\t')
          .userColumn(0).itemColumn(1).valueColumn(2).timestampColumn(3).build();

  /** MovieLens 1M / 10M {@code ratings.dat}: {@code user::item::rating::timestamp}, no header. */
  public static final DelimitedFormat MOVIELENS_DAT =
      DelimitedFormat.builder().separator("::")
          .userColumn(0).itemColumn(1).valueColumn(2).timestampColumn(3).build();

  /**
   * MovieLens {@code ratings.csv} (ml-latest, ml-20m, ...): header {@code
   * userId,movieId,rating,timestamp}, ratings like {@code 4.0}.
   */
  public static final DelimitedFormat MOVIELENS_CSV =
      DelimitedFormat.builder().separator(',').header(true)
          .userColumn(0).itemColumn(1).valueColumn(2).timestampColumn(3).build();

  /**
   * Last.fm HetRec 2011 {@code user_artists.dat}: header {@code userID \t artistID \t weight}; the
   * weight is a play count, kept raw (scale it before using it as a confidence).
   */
  public static final DelimitedFormat LASTFM_USER_ARTISTS =
      DelimitedFormat.builder().separator('\t').header(true)
          .userColumn(0).itemColumn(1).valueColumn(2).build();

  /** The presets by the short names the command line uses: ml-100k, ml-dat, ml-csv, lastfm. */
  public static final Map<String, DelimitedFormat> BY_NAME = byName();

  private static Map<String, DelimitedFormat> byName() {
    Map<String, DelimitedFormat> m = new LinkedHashMap<>();
    m.put("ml-100k", MOVIELENS_100K);
    m.put("ml-dat", MOVIELENS_DAT);
    m.put("ml-csv", MOVIELENS_CSV);
    m.put("lastfm", LASTFM_USER_ARTISTS);
    return Collections.unmodifiableMap(m);
  }
}
