package org.alskernel.cli;

import java.util.List;
import java.util.Locale;
import org.alskernel.data.CountWeighting;
import org.alskernel.data.Interactions;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;
import org.alskernel.train.AlsConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The ALS settings shared by {@code train} and {@code evaluate}. They are checked here, before any
 * file is read, so a typo is reported as a usage error (exit 2) rather than after a long read.
 */
final class TrainingOptions {
  @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
      description = "take the settings of FILE (name = value lines, as 'als tune --out' writes);"
          + " options given on the command line override them")
  java.nio.file.Path config;

  @Option(names = {"-k", "--factors"}, paramLabel = "K", defaultValue = "64",
      description = "latent factors (default: ${DEFAULT-VALUE})")
  int factors;

  @Option(names = "--variant", paramLabel = "VARIANT", defaultValue = "implicit",
      converter = VariantConverter.class, completionCandidates = VariantNames.class,
      description = "${COMPLETION-CANDIDATES}: implicit feedback (every pair counts) or ratings"
          + " (only the stored entries), each optionally with user and item biases (default:"
          + " ${DEFAULT-VALUE})")
  AlsVariant variant;

  @Option(names = "--lambda", paramLabel = "L",
      description = "regularisation (default: " + Defaults.IMPLICIT_LAMBDA + " for the implicit"
          + " variants, " + Defaults.EXPLICIT_LAMBDA + " for the explicit ones)")
  Float lambda;

  @Option(names = "--alpha", paramLabel = "A",
      description = "implicit variants: confidence slope, c = 1 + alpha * r (default: "
          + Defaults.ALPHA + ")")
  Float alpha;

  @Option(names = "--log-confidence", paramLabel = "EPS",
      description = "implicit variants: c = 1 + alpha * log(1 + r / EPS) instead, for counts such as"
          + " plays")
  Float logEpsilon;

  @Option(names = "--nu", paramLabel = "NU", defaultValue = "0",
      description = "frequency-scaled regularisation: each row's lambda times (its count + A0 *"
          + " the other side's rows)^NU, NU in [0, 1] (default: ${DEFAULT-VALUE}, plain lambda)")
  float nu;

  @Option(names = "--unobserved-weight", paramLabel = "A0",
      description = "A0 of --nu, an unobserved pair's weight relative to an observed one (default:"
          + " 1 / alpha for the implicit variants, 0 for the explicit ones)")
  Float unobservedWeight;

  @Option(names = "--weighting", paramLabel = "WEIGHTING", defaultValue = "none",
      completionCandidates = WeightingNames.class,
      description = "implicit variants: reweigh the counts before training, ${COMPLETION-CANDIDATES}"
          + " (BM25 and TF-IDF as for play counts; default: ${DEFAULT-VALUE})")
  String weighting;

  @Option(names = "--bm25-k1", paramLabel = "K1", defaultValue = "100",
      description = "BM25: how fast a count saturates (default: ${DEFAULT-VALUE})")
  float bm25K1;

  @Option(names = "--bm25-b", paramLabel = "B", defaultValue = "0.8",
      description = "BM25: how much a long history discounts its counts, in [0, 1] (default:"
          + " ${DEFAULT-VALUE})")
  float bm25B;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "15",
      description = "ALS iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "random seed of the factors (and of the split) (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--solver", paramLabel = "SOLVER", completionCandidates = SolverNames.class,
      description = "how rows are solved: ${COMPLETION-CANDIDATES} (default: cholesky, exact; cg is"
          + " faster at large k, approximate per sweep)")
  String solver;

  @Option(names = "--cg-steps", paramLabel = "S",
      description = "steps per row and sweep of an iterative solver; alone, it selects cg"
          + " (3 is typical)")
  Integer cgSteps;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: the number of processors); results do not depend on it")
  Integer threads;

  /** A builder with these settings, after checking them. */
  AlsConfig.Builder builder(CommandSpec spec) {
    // The tool's own rule: a run that trains nothing would save the random initial factors.
    require(spec, iterations >= 1, "--iterations must be >= 1, got " + iterations);
    require(spec, solver == null || Solver.labels().contains(solver.toLowerCase(Locale.ROOT)),
        "--solver must be one of " + String.join(", ", Solver.labels()) + ", got " + solver);
    require(spec, !variant.isExplicit() || (alpha == null && logEpsilon == null),
        (alpha != null ? "--alpha" : "--log-confidence") + " applies to the implicit variants only,"
            + " not to --variant " + variant.label());
    require(spec, WEIGHTINGS.contains(weighting.toLowerCase(Locale.ROOT)),
        "--weighting must be one of " + String.join(", ", WEIGHTINGS) + ", got " + weighting);
    require(spec, !variant.isExplicit() || !weighted(),
        "--weighting applies to the implicit variants only, not to --variant " + variant.label());
    if (weighting.equalsIgnoreCase("bm25")) {
      try {
        CountWeighting.checkBm25(bm25K1, bm25B);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), (e.getMessage().startsWith("BM25 K1")
            ? "--bm25-k1" : "--bm25-b") + ": " + e.getMessage());
      }
    }
    AlsConfig.Builder b = AlsConfig.builder().variant(variant)
        .factors(factors).lambda(lambda()).alpha(alpha()).iterations(iterations).seed(seed);
    b.nu(nu);
    if (unobservedWeight != null) b.unobservedWeight(unobservedWeight);
    if (logEpsilon != null) b.logConfidence(logEpsilon);
    if (threads != null) b.threads(threads);
    if (solver != null) b.solver(Solver.byLabel(solver));
    else if (cgSteps != null) b.solver(Solver.CONJUGATE_GRADIENT);
    if (cgSteps != null) b.cgSteps(cgSteps);
    try {
      b.build(); // every other rule is the kernel's, checked before any file is read
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), optionOf(e.getMessage()) + ": "
          + e.getMessage());
    }
    return b;
  }

  /** The run's inputs: the data file and the settings file, if any (neither may be an output). */
  List<java.nio.file.Path> inputs(java.nio.file.Path data) {
    return config == null ? List.of(data) : List.of(data, config);
  }

  /** Whether the counts are reweighed before training. */
  boolean weighted() {
    return !weighting.equalsIgnoreCase("none");
  }

  /** The training data as {@code --weighting} says: the counts themselves, or BM25 or TF-IDF of them. */
  Interactions weigh(Interactions data) {
    return switch (weighting.toLowerCase(Locale.ROOT)) {
      case "bm25" -> CountWeighting.bm25(data, bm25K1, bm25B);
      case "tfidf" -> CountWeighting.tfidf(data);
      default -> data;
    };
  }

  /** Whether the kernel can report this variant's loss (the biased implicit objective it cannot). */
  boolean hasLoss() {
    return variant != AlsVariant.IMPLICIT_BIASED;
  }

  float lambda() {
    return lambda != null ? lambda
        : Float.parseFloat(variant.isExplicit() ? Defaults.EXPLICIT_LAMBDA : Defaults.IMPLICIT_LAMBDA);
  }

  float alpha() {
    return alpha != null ? alpha : Float.parseFloat(Defaults.ALPHA);
  }

  /** One line describing the settings, for the report of a run. */
  String describe() {
    String confidence = variant.isExplicit() ? ""
        : ", alpha = " + alpha() + ", "
            + (logEpsilon == null ? "linear confidence" : "log confidence (eps " + logEpsilon + ")");
    Solver chosen = solver != null ? Solver.byLabel(solver)
        : cgSteps != null ? Solver.CONJUGATE_GRADIENT : Solver.CHOLESKY;
    String solving = chosen == Solver.CHOLESKY ? ""
        : ", " + (chosen == Solver.CONJUGATE_GRADIENT ? "conjugate gradient" : chosen.label()) + " ("
            + (cgSteps == null ? AlsConfig.DEFAULT_CG_STEPS : cgSteps) + " steps)";
    String kind = (variant == AlsVariant.IMPLICIT ? "" : variant.label() + ", ")
        + (weighted() ? (weighting.equalsIgnoreCase("bm25") ? "BM25 (K1 " + bm25K1 + ", B " + bm25B
            + ")" : "TF-IDF") + " weighting, " : "");
    String scaling = nu == 0f ? "" : ", nu = " + nu + " (A0 " + (unobservedWeight != null
        ? unobservedWeight : variant.isExplicit() ? "0" : "1/alpha") + ")";
    return kind + "k = " + factors + ", lambda = " + lambda() + scaling + confidence + ", "
        + iterations + " iterations" + solving;
  }

  static final List<String> WEIGHTINGS = List.of("none", "bm25", "tfidf");

  static final class WeightingNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return WEIGHTINGS.iterator();
    }
  }

  /** The variants' names, from the kernel. */
  static final class VariantNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return AlsVariant.labels().iterator();
    }
  }

  static final class VariantConverter implements ITypeConverter<AlsVariant> {
    @Override
    public AlsVariant convert(String value) {
      try {
        return AlsVariant.byLabel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The solvers' names, from the kernel's registry. */
  static final class SolverNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Solver.labels().iterator();
    }
  }

  /** The option a setting named at the start of the kernel's message comes from. */
  private static String optionOf(String message) {
    String[][] settings = {{"factors k", "-k"}, {"lambda", "--lambda"}, {"alpha", "--alpha"},
        {"epsilon", "--log-confidence"}, {"threads", "--threads"}, {"cgSteps", "--cg-steps"},
        {"nu", "--nu"}, {"unobservedWeight", "--unobserved-weight"}};
    for (String[] s : settings) {
      if (message.startsWith(s[0])) {
        return s[1];
      }
    }
    return "the training options";
  }

  static void require(CommandSpec spec, boolean ok, String message) {
    if (!ok) throw new ParameterException(spec.commandLine(), message);
  }

  /**
   * The kernel's builder defaults (lambda 0.1, alpha 40) over-fit the small public sets; these are the
   * values docs/quality.md chose by validation on ml-100k (lambda 100 also won on Last.fm; lambda 10
   * for the biased explicit variant), so a first run of the tool gives a fair model.
   */
  static final class Defaults {
    static final String IMPLICIT_LAMBDA = "100";
    static final String EXPLICIT_LAMBDA = "10";
    static final String ALPHA = "20";

    private Defaults() {}
  }
}
