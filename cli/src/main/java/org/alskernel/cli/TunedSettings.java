package org.alskernel.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.alskernel.tune.Candidate;
import org.alskernel.tune.Strengths;
import org.alskernel.tune.Trial;
import org.alskernel.tune.TuneResult;

/** The best trial of a search as a {@link ConfigFile}: the training options that reproduce it. */
final class TunedSettings {
  private TunedSettings() {}

  static String of(Trial best, long seed, Path data, TuneResult result) {
    Candidate c = best.candidate();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "# als tune on %s: trial %d of %d, validation nDCG@%d %.4f"
        + " over %d users\n", data.getFileName(), best.number(), result.trials().size(),
        best.metrics().k(), best.metrics().ndcg(), result.validationUsers()));
    line(s, "variant", c.variant().label());
    line(s, "factors", c.factors());
    line(s, "lambda", c.lambda());
    line(s, "alpha", c.alpha());
    line(s, "nu", c.nu());
    Strengths w = c.strengths();
    switch (w.kind()) {
      case LOG -> line(s, "log-confidence", w.epsilon());
      case BM25 -> {
        line(s, "weighting", "bm25");
        line(s, "bm25-k1", w.k1());
        line(s, "bm25-b", w.b());
      }
      case TFIDF -> line(s, "weighting", "tfidf");
      case LINEAR -> { }
    }
    line(s, "solver", c.solver().label());
    line(s, "iterations", best.iterations());
    line(s, "seed", seed);
    return s.toString();
  }

  private static void line(StringBuilder s, String name, Object value) {
    s.append(name).append(" = ").append(value).append('\n');
  }
}
