package org.alskernel.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.alskernel.data.Interactions;

/**
 * One line of advice when the values look like counts (plays, clicks) and linear confidence would
 * weigh them raw: on Last.fm's play counts c = 1 + α·r ranks below popularity, while log confidence
 * ranks far above it (docs/quality.md). Values look like counts when the upper decile is above 10,
 * which no rating scale reaches.
 */
final class CountHint {
  static final float RATING_SCALE_TOP = 10f;

  private CountHint() {}

  static void check(Interactions data, TrainingOptions training, String command, PrintWriter err) {
    if (training.variant.isExplicit() || training.logEpsilon != null || training.weighted()
        || data.size() == 0) {
      return;
    }
    // the upper decile is above 10 when more than a tenth of the values are: counted, not sorted,
    // since most files are ratings and get no note
    float[] all = data.value();
    int decile = (int) (0.9 * (all.length - 1));
    int above = 0;
    for (float v : all) {
      if (v > RATING_SCALE_TOP) above++;
    }
    if (above < all.length - decile) return;
    float[] values = all.clone();
    Arrays.sort(values);
    err.println(String.format(Locale.ROOT, "als %s: note: the values (median %s, up to %s) look like"
        + " counts, which linear confidence weighs raw; --log-confidence 1 --alpha 5 ranked far"
        + " better on Last.fm play counts (README, \"Settings that worked\")", command,
        plain(values[(values.length - 1) / 2]), plain(values[values.length - 1])));
  }

  private static String plain(float v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : Float.toString(v);
  }
}
