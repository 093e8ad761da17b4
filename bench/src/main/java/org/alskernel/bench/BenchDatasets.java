package org.alskernel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.synthetic.SyntheticInteractions;
import org.alskernel.io.Formats;
import org.alskernel.train.AlsConfig;

/**
 * The matrices the sweep benchmarks run on, by name. Real files are read from the folder named by the
 * system property {@code alskernel.datasets}, else the environment variable {@code ALSKERNEL_DATASETS}
 * (which JMH's forked JVMs inherit), else {@code ../shared/datasets}; they are never copied into the
 * project.
 */
final class BenchDatasets {
  private BenchDatasets() {}

  static CsrMatrix load(String name) {
    return switch (name) {
      case "synthetic-5m" -> SyntheticInteractions.benchmark100k(42);
      case "ml20m-shape" -> SyntheticInteractions.movieLens20mShape(42);
      // the 5M matrix ten times over: 1,000,000 × 200,000 with 50,000,000 entries, values 1..10
      case "synthetic-50m" ->
          SyntheticInteractions.shape(1_000_000, 200_000, 50_000_000).values(1, 10).generate(42);
      // the memory-limit case: 5,000,000 × 500,000 with 500,000,000 entries (about 11 GB to train)
      case "synthetic-500m" ->
          SyntheticInteractions.shape(5_000_000, 500_000, 500_000_000).values(1, 10).generate(42);
      case "ml-100k" -> read("ml-100k/u.data", true);
      case "lastfm" -> read("hetrec2011-lastfm-2k/user_artists.dat", false);
      default -> throw new IllegalArgumentException(
          "unknown dataset " + name
          + " (synthetic-5m, synthetic-50m, synthetic-500m, ml20m-shape, ml-100k, lastfm)");
    };
  }

  /**
   * The training settings the sweeps use on a dataset: Last.fm's play counts (up to 350,000) with the
   * log confidence and the λ, α that rank best in docs/quality.md (λ = 100, α = 5); the others with
   * λ = 0.1 and linear α = 1. The time of a Cholesky sweep does not depend on them; a CG sweep's
   * objective does.
   */
  static AlsConfig.Builder settings(String name, int k) {
    AlsConfig.Builder b = AlsConfig.builder().factors(k);
    return name.equals("lastfm")
        ? b.lambda(100f).alpha(5f).logConfidence(1f)
        : b.lambda(0.1f).alpha(1f);
  }

  private static CsrMatrix read(String relative, boolean movieLens) {
    String env = System.getenv("ALSKERNEL_DATASETS");
    Path root = Path.of(System.getProperty("alskernel.datasets", env != null ? env : "../shared/datasets"));
    Path file = root.resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file.toAbsolutePath() + " not found: set ALSKERNEL_DATASETS to"
          + " the shared/datasets folder, or leave this dataset out");
    }
    try {
      return (movieLens ? Formats.MOVIELENS_100K : Formats.LASTFM_USER_ARTISTS).read(file).toCsr();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
