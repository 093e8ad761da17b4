package org.alskernel.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alskernel.data.Interactions;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import org.alskernel.io.OutputFiles;
import org.alskernel.tune.Budget;
import org.alskernel.tune.SearchSpace;
import org.alskernel.tune.Trial;
import org.alskernel.tune.TuneResult;
import org.alskernel.tune.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code als tune}: hold out the test part as {@code evaluate} would, carve a validation split from
 * the rest, and search settings on it (successive halving, then refinement of the best: {@link
 * org.alskernel.tune.Tuner}); print every trial and write the best
 * settings for {@code train --config} and {@code evaluate --config}.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Search ALS settings on a validation split of the training part (the test part"
        + " is held out as 'evaluate' holds it out, and never seen), print every trial, and write"
        + " the best settings.")
final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the interaction file")
  Path file;

  @Option(names = "--budget", paramLabel = "B", defaultValue = "60",
      description = "trials (a number: reproducible) or wall time (120s, 5m) (default:"
          + " ${DEFAULT-VALUE} trials)")
  String budget;

  @Option(names = "--space", paramLabel = "NAME=V1,V2",
      description = "replace one setting's values in the search grid; NAME is variant, factors,"
          + " lambda, alpha, nu, confidence (linear, log:EPS, bm25:K1:B, tfidf), solver or"
          + " iterations (the rounds of successive halving); repeatable")
  List<String> space = new ArrayList<>();

  @Option(names = "--plain", description = "search plain iALS only: nu = 0 and no BM25 or TF-IDF")
  boolean plain;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "share held out as the test part, never seen by the search (default:"
          + " ${DEFAULT-VALUE})")
  double testFraction;

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "share of the training part the trials are scored on (default:"
          + " ${DEFAULT-VALUE})")
  double validationFraction;

  @Option(names = "--split-seed", paramLabel = "S", defaultValue = "42",
      description = "seed of the random test split, as for evaluate; the validation split uses"
          + " S + 1 (default: ${DEFAULT-VALUE})")
  long splitSeed;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "seed of the draw of candidates and of every model (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--at", paramLabel = "K", defaultValue = "10",
      description = "cut-off of the ranked lists; nDCG@K chooses (default: ${DEFAULT-VALUE})")
  int at;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: the number of processors); results do not depend on it")
  Integer threads;

  @Option(names = "--output", paramLabel = "LAYOUT", defaultValue = "text",
      converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Labels.class,
      description = "the trial table as text (aligned), tsv or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  @Option(names = "--trials", paramLabel = "FILE",
      description = "write the trial table to FILE instead of stdout")
  Path trialsFile;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write the best settings to FILE, for train --config and evaluate --config")
  Path out;

  @Mixin FormatOptions input;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Budget b = budget();
    SearchSpace grid = space();
    TrainingOptions.require(spec, testFraction > 0 && testFraction < 1,
        "--test-fraction must be between 0 and 1, got " + testFraction);
    TrainingOptions.require(spec, validationFraction > 0 && validationFraction < 1,
        "--validation-fraction must be between 0 and 1, got " + validationFraction);
    TrainingOptions.require(spec, at >= 1, "--at must be >= 1, got " + at);
    TrainingOptions.require(spec, threads == null || threads >= 1,
        "--threads must be >= 1, got " + threads);
    List<Path> outputs = new ArrayList<>();
    if (out != null) outputs.add(out);
    if (trialsFile != null) outputs.add(trialsFile);
    try (OutputFiles staged = OutputFiles.prepare(List.of(file), outputs)) {
      PrintWriter err = spec.commandLine().getErr();
      Interactions data = DataReport.read(spec, input, file, err);
      Split test = Splits.random(data, testFraction, splitSeed);
      Split validation = Splits.random(test.train(), validationFraction, splitSeed + 1);
      err.println(String.format(Locale.ROOT, "split: random, test fraction %s, seed %d: %,d test"
          + " entries held out; validation: fraction %s of the rest, seed %d: %,d train, %,d"
          + " validation", testFraction, splitSeed, test.test().size(), validationFraction,
          splitSeed + 1, validation.train().size(), validation.test().size()));
      err.println("search: " + grid.size() + " candidates, budget " + b + ", rounds of "
          + grid.iterations() + " iterations");
      TuneResult result;
      try {
        result = new Tuner(grid, at, seed, threads == null ? 0 : threads)
            .run(validation, b, t -> err.println(progress(t)));
      } catch (IllegalArgumentException e) {
        throw new Failure(e.getMessage());
      }
      writeTrials(staged, result);
      Trial best = result.best().orElseThrow(() -> new Failure("the budget ran out before the"
          + " first trial completed"));
      err.println("best: trial " + best.number() + ", " + best.candidate() + ", " + best.iterations()
          + " iterations: validation " + best.metrics());
      result.bestPlain().filter(p -> p != best).ifPresent(p -> err.println("best plain (nu = 0,"
          + " no reweighing): trial " + p.number() + ", validation nDCG@" + at + " "
          + String.format(Locale.ROOT, "%.4f", p.metrics().ndcg())));
      if (out != null) {
        Files.writeString(staged.staging(out), TunedSettings.of(best, seed, file, result),
            StandardCharsets.UTF_8);
      }
      staged.commit();
      if (out != null) {
        err.println("wrote " + out + " (train or evaluate on the same file with --config " + out
            + ")");
      }
    }
    return Cli.OK;
  }

  private Budget budget() {
    String text = budget.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith("s") || text.endsWith("m")) {
        double n = Double.parseDouble(text.substring(0, text.length() - 1));
        return Budget.seconds(text.endsWith("m") ? n * 60 : n);
      }
      return Budget.trials(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--budget must be a"
          + " number of trials (40) or of seconds (120s) or minutes (5m), got " + budget);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--budget: "
          + e.getMessage());
    }
  }

  private SearchSpace space() {
    try {
      SearchSpace grid = SpaceOption.apply(SearchSpace.defaults(), space);
      if (plain) {
        SearchSpace p = grid.plain();
        TrainingOptions.require(spec, p != null, "--plain needs nu = 0 and linear or log"
            + " confidence in the search space");
        return p;
      }
      return grid;
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--space: "
          + e.getMessage());
    }
  }

  private String progress(Trial t) {
    return String.format(Locale.ROOT, "trial %d (%s, %d iterations): %s: nDCG@%d %.4f in %.1f s",
        t.number(), t.refinement() ? "refinement" : "round " + t.round(), t.iterations(),
        t.candidate(), at, t.metrics().ndcg(), t.seconds());
  }

  private void writeTrials(OutputFiles staged, TuneResult result) throws IOException {
    PrintWriter w = trialsFile == null ? spec.commandLine().getOut()
        : new PrintWriter(new BufferedWriter(new OutputStreamWriter(
            Files.newOutputStream(staged.staging(trialsFile)), StandardCharsets.UTF_8)));
    ResultWriter table = ResultWriter.of(format, w, "trial", "round", "iterations", "variant", "k",
        "lambda", "alpha", "nu", "confidence", "solver", "precision@" + at, "recall@" + at,
        "MAP@" + at, "nDCG@" + at, "AUC", "seconds");
    for (Trial t : result.trials()) {
      RankingMetrics m = t.metrics();
      table.row(t.number(), t.refinement() ? "refine" : t.round(), t.iterations(), t.candidate().variant().label(),
          t.candidate().factors(), t.candidate().lambda(), t.candidate().alpha(),
          t.candidate().nu(), t.candidate().strengths().label(), t.candidate().solver().label(),
          m.precision(), m.recall(), m.map(), m.ndcg(), m.auc(), t.seconds());
    }
    table.finish();
    w.flush();
    if (trialsFile != null) {
      if (w.checkError()) {
        throw new IOException(trialsFile + ": could not be written (disk full?)");
      }
      w.close();
    }
  }
}
