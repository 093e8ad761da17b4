package org.alskernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.alskernel.data.Interactions;
import org.alskernel.train.KernelWarmup;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a command's input file and says what it holds, so a wrong format shows at once; for a command
 * that trains, warms the kernels meanwhile.
 */
final class DataReport {
  private DataReport() {}

  static Interactions read(CommandSpec spec, FormatOptions input, Path file, PrintWriter out)
      throws IOException {
    long start = System.nanoTime();
    Interactions data = input.read(spec, file, "FILE");
    if (data.size() == 0) {
      throw new Failure(file + ": no interactions" + (input.minValue == null ? "" : " with value >= " + input.minValue));
    }
    out.println(String.format(Locale.ROOT, "read %s: %,d users, %,d items, %,d interactions (%.1f s)",
        file, data.users().size(), data.items().size(), data.size(), (System.nanoTime() - start) / 1e9));
    return data;
  }

  /**
   * {@link #read}, while the kernels of fits with {@code training}'s settings run on a small problem
   * on a second core ({@link KernelWarmup}), so that the JIT has compiled them when the first fit
   * starts. With one core the reading would wait for them, so there is no warm-up.
   */
  static Interactions readWhileWarming(CommandSpec spec, FormatOptions input, Path file, PrintWriter out,
      TrainingOptions training) throws IOException {
    KernelWarmup warmup = Runtime.getRuntime().availableProcessors() > 1
        ? KernelWarmup.start(training.builder(spec).threads(1).build()) : null;
    try {
      return read(spec, input, file, out);
    } finally {
      if (warmup != null) {
        warmup.close();
      }
    }
  }
}
