package org.alskernel.validation;

import java.io.IOException;
import java.nio.file.Path;
import org.alskernel.validation.RankingQuality.Protocol;

/**
 * The documented ranking-quality run (docs/quality.md): ml-100k positives with linear confidence and
 * Last.fm play counts with log confidence (ε = 1), k = 64 factors, 15 iterations, a 4×4 grid over
 * λ ∈ {1, 10, 100, 300} and α ∈ {1, 5, 20, 40}, cut-off 10.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp kernel/target/classes:validation/target/classes \
 *     org.alskernel.validation.RankingQualityReport [datasets-dir]</pre>
 */
public final class RankingQualityReport {
  private RankingQualityReport() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
    float[] lambdas = {1f, 10f, 100f, 300f};
    long start = System.nanoTime();
    System.out.println("ml-100k, ratings >= 4 as 1, linear confidence, k = 64, 15 iterations");
    float[] alphas = {1f, 5f, 20f, 40f};
    RankingQuality.run(RankingQuality.movieLensPositives(root.resolve("ml-100k/u.data")),
        new Protocol(64, 15, lambdas, alphas, false, 10), System.out::println);
    System.out.println("Last.fm HetRec user_artists, log confidence (eps 1), k = 64, 15 iterations");
    RankingQuality.run(RankingQuality.lastFm(root.resolve("hetrec2011-lastfm-2k/user_artists.dat")),
        new Protocol(64, 15, lambdas, alphas, true, 10), System.out::println);
    System.out.printf("total %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
