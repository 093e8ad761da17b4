package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alskernel.data.Interactions;
import org.alskernel.eval.PopularityRanker;
import org.alskernel.eval.Ranker;
import org.alskernel.eval.RankingEvaluator;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.model.AlsModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code als evaluate}: split, train on the training part, and rank the held-out part with ALS and
 * with the popularity baseline, so the numbers come with the bar they have to clear.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Split a file, train on one part, and compare ALS with popularity on the other "
        + "(metrics defined in docs/quality.md).")
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the interaction file")
  Path file;

  @Option(names = "--split", paramLabel = "KIND", defaultValue = "random",
      converter = SplitKind.Converter.class, completionCandidates = SplitKind.Labels.class,
      description = "random, per-user, temporal or leave-k-out (default: ${DEFAULT-VALUE})")
  SplitKind split;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "share of entries held out by random, per-user and temporal (default: ${DEFAULT-VALUE})")
  double testFraction;

  @Option(names = "--leave-out", paramLabel = "N", defaultValue = "1",
      description = "entries held out per user by leave-k-out (default: ${DEFAULT-VALUE})")
  int leaveOut;

  @Option(names = "--split-seed", paramLabel = "S",
      description = "seed of the split alone (default: --seed), to vary the model's seed over one"
          + " split")
  Long splitSeed;

  @Option(names = "--at", paramLabel = "K", defaultValue = "10",
      description = "cut-off of the ranked list (default: ${DEFAULT-VALUE})")
  int at;

  @Mixin FormatOptions input;
  @Mixin TrainingOptions training;
  @Mixin ResultOptions result;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    AlsConfig.Builder config = training.builder(spec);
    TrainingOptions.require(spec, testFraction > 0 && testFraction < 1,
        "--test-fraction must be between 0 and 1, got " + testFraction);
    TrainingOptions.require(spec, leaveOut >= 1, "--leave-out must be >= 1, got " + leaveOut);
    TrainingOptions.require(spec, at >= 1, "--at must be >= 1, got " + at);
    try (ResultOptions.Target target = result.open(spec, training.inputs(file))) {
      evaluate(config, target, spec.commandLine().getErr());
      target.commit();
    }
    return Cli.OK;
  }

  /** Messages go to {@code err}, so the result alone is on stdout or in {@code --out}. */
  private void evaluate(AlsConfig.Builder config, ResultOptions.Target target, PrintWriter err)
      throws Exception {
    Interactions data = DataReport.readWhileWarming(spec, input, file, err, training);
    CountHint.check(data, training, "evaluate", err);

    long seed = splitSeed != null ? splitSeed : training.seed;
    Split parts = split.apply(data, testFraction, leaveOut, seed);
    err.println(String.format(Locale.ROOT, "split: %s: %,d train, %,d test",
        split.describe(testFraction, leaveOut, seed), parts.train().size(), parts.test().size()));
    if (parts.test().size() == 0) {
      throw new Failure("the split left no test entries; hold out more");
    }
    err.println("training: " + training.describe());
    long start = System.nanoTime();
    // weighed after the split, so the test part's entries do not shape the training weights
    AlsModel model = new AlsTrainer(config.build()).fit(training.weigh(parts.train()));
    err.println(String.format(Locale.ROOT, "trained in %.1f s", (System.nanoTime() - start) / 1e9));

    RankingMetrics als = RankingEvaluator.evaluate(Ranker.of(model), parts, at);
    RankingMetrics pop = RankingEvaluator.evaluate(PopularityRanker.fit(parts.train().toCsr()), parts, at);
    err.println(String.format(Locale.ROOT, "%,d users with held-out items", als.users()));
    ResultWriter out = target.result("model", "precision@" + at, "recall@" + at, "MAP@" + at,
        "nDCG@" + at, "AUC");
    out.row(cells("ALS", als)).row(cells("popularity", pop)).finish();
  }

  private static Object[] cells(String name, RankingMetrics m) {
    return new Object[] {name, m.precision(), m.recall(), m.map(), m.ndcg(), m.auc()};
  }
}
