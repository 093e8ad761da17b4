package org.alskernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alskernel.model.AlsModel;
import org.alskernel.model.Scored;
import org.alskernel.store.ModelFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als similar}: the nearest items of an item, or users of a user, by cosine of the factors. */
@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the items most like an item, or the users most like a user (cosine of the "
        + "factors), in the training file's ids.")
final class SimilarCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by train")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "how many (default: ${DEFAULT-VALUE})")
  int n;

  @Mixin ResultOptions result;
  @Mixin CommonOptions common;

  static final class Target {
    @Option(names = "--item", required = true, paramLabel = "ID", description = "an item, by the file's id")
    String item;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "a user, by the file's id")
    String user;
  }

  @Override
  public Integer call() throws Exception {
    TrainingOptions.require(spec, n >= 1, "-n must be >= 1, got " + n);
    try (ResultOptions.Target destination = result.open(spec, List.of(model))) {
      write(destination, ModelFile.load(model));
      destination.commit();
    }
    return Cli.OK;
  }

  private void write(ResultOptions.Target destination, AlsModel m) {
    List<Scored> nearest;
    String kind;
    if (target.item != null) {
      kind = "item";
      nearest = m.similarItems(ModelIds.require(m.items(), target.item, "item", model), n);
    } else {
      kind = "user";
      nearest = m.similarUsers(ModelIds.require(m.users(), target.user, "user", model), n);
    }
    ResultWriter out = destination.result(kind, "cosine");
    for (Scored s : nearest) {
      out.row(s.id(), s.score());
    }
    out.finish();
  }
}
