package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.alskernel.data.Interactions;
import org.alskernel.model.AlsModel;
import org.alskernel.model.Scored;
import org.alskernel.store.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als recommend}: the top-n items for one user of a saved model. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the best items for a user of a saved model, in the training file's ids.")
final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by train")
  Path model;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "the user, by the file's id")
  String user;

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "how many (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--data", paramLabel = "FILE",
      description = "an interaction file (with --format) whose items of this user are left out")
  Path data;

  @Mixin FormatOptions input;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    TrainingOptions.require(spec, n >= 1, "-n must be >= 1, got " + n);
    PrintWriter out = spec.commandLine().getOut();
    AlsModel m = ModelFile.load(model);
    int u = ModelIds.require(m.users(), user, "user", model);
    int[] seen = data == null ? null : seenItems(m);
    if (seen != null) {
      out.println(String.format(Locale.ROOT, "leaving out the %,d items user %s has in %s", seen.length,
          user, data));
    }
    TextTable table = new TextTable("item", "score");
    for (Scored s : m.recommend(u, n, null, seen)) {
      table.row(s.id(), String.format(Locale.ROOT, "%.4f", s.score()));
    }
    table.print(out);
    return Cli.OK;
  }

  /**
   * The model's indices of the items this user has in {@code --data}. Matched by id, not by index, so
   * the file need not be the one the model was trained on; its items the model lacks are skipped.
   */
  private int[] seenItems(AlsModel m) throws Exception {
    Interactions d = input.read(spec, data, "--data");
    int du = d.users().indexOf(user);
    if (du < 0) return new int[0];
    int[] users = d.userIndex();
    int[] items = d.itemIndex();
    return IntStream.range(0, d.size())
        .filter(e -> users[e] == du)
        .map(e -> m.items().indexOf(d.items().id(items[e])))
        .filter(i -> i >= 0)
        .distinct()
        .toArray();
  }
}
