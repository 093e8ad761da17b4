package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.alskernel.data.CsrBuilder;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.model.AlsModel;
import org.alskernel.model.Scored;
import org.alskernel.store.ModelFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als recommend}: the top-n items for one user, a list of users, or every user of a model. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the best items for users of a saved model, in the training file's ids.")
final class RecommendCommand implements Callable<Integer> {
  /** Users scored per batch: bounds the memory the lists of a large model take. */
  private static final int CHUNK = 8192;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by train")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Users who;

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "how many (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--data", paramLabel = "FILE",
      description = "an interaction file (with --format) whose items of each user are left out")
  Path data;

  @Option(names = "--exclude-items", paramLabel = "FILE",
      description = "a file of item ids, one per line, never recommended")
  Path excludeItems;

  @Mixin ResultOptions result;
  @Mixin FormatOptions input;
  @Mixin CommonOptions common;

  static final class Users {
    @Option(names = "--user", required = true, paramLabel = "ID", description = "one user, by the file's id")
    String user;

    @Option(names = "--users", required = true, paramLabel = "FILE",
        description = "a file of user ids, one per line")
    Path file;

    @Option(names = "--all-users", required = true, description = "every user of the model")
    boolean all;
  }

  @Override
  public Integer call() throws Exception {
    TrainingOptions.require(spec, n >= 1, "-n must be >= 1, got " + n);
    PrintWriter err = spec.commandLine().getErr();
    List<Path> inputs = new ArrayList<>(Arrays.asList(model, data, who.file, excludeItems));
    inputs.removeIf(Objects::isNull);
    try (ResultOptions.Target target = result.open(spec, inputs)) {
      AlsModel m = ModelFile.load(model);
      int[] users = who.user != null ? new int[] {ModelIds.require(m.users(), who.user, "user", model)}
          : who.file != null ? IdList.indices(who.file, m.users(), "user", model)
          : IntStream.range(0, m.userCount()).toArray();
      int[] excluded = excludeItems == null ? null : excluded(m, err);
      CsrMatrix seen = data == null ? null : seen(m, users, err);
      boolean single = who.user != null && result.format == OutputFormat.TEXT;
      ResultWriter out = single ? target.result("item", "score")
          : target.result("user", "rank", "item", "score");
      for (int from = 0; from < users.length; from += CHUNK) {
        int[] chunk = Arrays.copyOfRange(users, from, Math.min(users.length, from + CHUNK));
        List<List<Scored>> lists = m.recommend(chunk, n, seen, excluded);
        for (int j = 0; j < chunk.length; j++) {
          String user = m.users().id(chunk[j]);
          int rank = 0;
          for (Scored s : lists.get(j)) {
            if (single) out.row(s.id(), s.score());
            else out.row(user, ++rank, s.id(), s.score());
          }
        }
      }
      out.finish();
      target.commit();
    }
    return Cli.OK;
  }

  private int[] excluded(AlsModel m, PrintWriter err) throws Exception {
    int[] unknown = {0};
    int[] items = IdList.knownIndices(excludeItems, m.items(), unknown);
    if (unknown[0] > 0) {
      err.println(String.format(Locale.ROOT, "als recommend: note: %,d ids in %s are not items of %s",
          unknown[0], excludeItems, model));
    }
    return items;
  }

  /**
   * The items each user has in {@code --data}, as a users × items matrix of the model's indices.
   * Matched by id, not by index, so the file need not be the one the model was trained on; its users
   * and items the model lacks are skipped.
   */
  private CsrMatrix seen(AlsModel m, int[] users, PrintWriter err) throws Exception {
    Interactions d = input.read(spec, data, "--data");
    int[] user = new int[d.users().size()];
    for (int u = 0; u < user.length; u++) user[u] = m.users().indexOf(d.users().id(u));
    int[] item = new int[d.items().size()];
    for (int i = 0; i < item.length; i++) item[i] = m.items().indexOf(d.items().id(i));
    int[] du = d.userIndex();
    int[] di = d.itemIndex();
    CsrBuilder b = new CsrBuilder();
    for (int e = 0; e < d.size(); e++) {
      if (user[du[e]] >= 0 && item[di[e]] >= 0) b.add(user[du[e]], item[di[e]], 1f);
    }
    CsrMatrix seen = b.build(m.userCount(), m.itemCount());
    if (users.length == 1) {
      err.println(String.format(Locale.ROOT, "leaving out the %,d items user %s has in %s",
          seen.rowLength(users[0]), m.users().id(users[0]), data));
    } else {
      err.println(String.format(Locale.ROOT, "leaving out each user's items in %s "
          + "(%,d of its %,d entries match the model's users and items)", data, b.size(), d.size()));
    }
    return seen;
  }
}
