package org.alskernel.tune;

import java.util.Locale;
import org.alskernel.data.CountWeighting;
import org.alskernel.data.Interactions;
import org.alskernel.train.AlsConfig;

/**
 * How a search candidate turns interaction strengths into confidence: linear c = 1 + α·r, log
 * c = 1 + α·log(1 + r/ε), or linear over the BM25 or TF-IDF weights of the counts. Written and read
 * as {@code linear}, {@code log:EPS}, {@code bm25:K1:B} and {@code tfidf}.
 *
 * @param kind which form
 * @param epsilon ε of the log form (else 1)
 * @param k1 BM25's K1 (else its default)
 * @param b BM25's B (else its default)
 */
public record Strengths(Kind kind, float epsilon, float k1, float b) {
  /** The forms. */
  public enum Kind { LINEAR, LOG, BM25, TFIDF }

  public static final Strengths LINEAR =
      new Strengths(Kind.LINEAR, 1f, CountWeighting.DEFAULT_K1, CountWeighting.DEFAULT_B);

  public Strengths {
    if (kind == null) {
      throw new IllegalArgumentException("the strengths form must not be null");
    }
    if (!(epsilon > 0f) || !Float.isFinite(epsilon)) {
      throw new IllegalArgumentException("log confidence epsilon must be a finite number > 0, got "
          + epsilon);
    }
    CountWeighting.checkBm25(k1, b);
  }

  public static Strengths log(float epsilon) {
    return new Strengths(Kind.LOG, epsilon, CountWeighting.DEFAULT_K1, CountWeighting.DEFAULT_B);
  }

  public static Strengths bm25(float k1, float b) {
    return new Strengths(Kind.BM25, 1f, k1, b);
  }

  public static final Strengths TFIDF =
      new Strengths(Kind.TFIDF, 1f, CountWeighting.DEFAULT_K1, CountWeighting.DEFAULT_B);

  /**
   * Reads {@link #label()}'s form; {@code log} alone is ε = 1 and {@code bm25} alone BM25's defaults.
   *
   * @throws IllegalArgumentException naming the text and the forms it may take
   */
  public static Strengths parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", -1);
    try {
      switch (parts[0]) {
        case "linear":
          if (parts.length == 1) return LINEAR;
          break;
        case "tfidf":
          if (parts.length == 1) return TFIDF;
          break;
        case "log":
          if (parts.length <= 2) return log(parts.length == 1 ? 1f : Float.parseFloat(parts[1]));
          break;
        case "bm25":
          if (parts.length == 1) {
            return bm25(CountWeighting.DEFAULT_K1, CountWeighting.DEFAULT_B);
          }
          if (parts.length == 3) return bm25(Float.parseFloat(parts[1]), Float.parseFloat(parts[2]));
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // reported below with the forms
    }
    throw new IllegalArgumentException("'" + text + "' is not a confidence form: use linear,"
        + " log or log:EPS, bm25 or bm25:K1:B, or tfidf");
  }

  /** The text {@link #parse} reads back to this form. */
  public String label() {
    return switch (kind) {
      case LINEAR -> "linear";
      case LOG -> "log:" + epsilon;
      case BM25 -> "bm25:" + k1 + ":" + b;
      case TFIDF -> "tfidf";
    };
  }

  /** Whether the counts are reweighed before training (BM25, TF-IDF). */
  public boolean weighs() {
    return kind == Kind.BM25 || kind == Kind.TFIDF;
  }

  /** The training data this form trains on: the counts, or their BM25 or TF-IDF weights. */
  public Interactions weigh(Interactions train) {
    return switch (kind) {
      case BM25 -> CountWeighting.bm25(train, k1, b);
      case TFIDF -> CountWeighting.tfidf(train);
      default -> train;
    };
  }

  /** Sets the confidence function of {@code builder}: log for the log form, linear otherwise. */
  public AlsConfig.Builder apply(AlsConfig.Builder builder) {
    return kind == Kind.LOG ? builder.logConfidence(epsilon) : builder.linearConfidence();
  }

  @Override
  public String toString() {
    return label();
  }
}
