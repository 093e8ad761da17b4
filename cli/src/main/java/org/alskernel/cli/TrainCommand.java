package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alskernel.data.Interactions;
import org.alskernel.io.ModelFile;
import org.alskernel.model.AlsModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code als train}: read a file, train with the loss reported each iteration, save the model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train an ALS model on an interaction file and save it.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the interaction file")
  Path file;

  @Option(names = "--model", required = true, paramLabel = "OUT", description = "model file to write")
  Path model;

  @Option(names = "--chart", paramLabel = "SVG", description = "also write the loss per iteration as an SVG chart")
  Path chart;

  @Option(names = "--plain", description = "plain progress lines even on a terminal")
  boolean plain;

  @Mixin FormatOptions input;
  @Mixin TrainingOptions training;
  @Mixin CommonOptions common;

  private final boolean terminal;

  TrainCommand(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    AlsConfig.Builder config = training.builder(spec);
    requireFolder(model);
    if (chart != null) requireFolder(chart);
    PrintWriter out = spec.commandLine().getOut();
    Interactions data = DataReport.read(spec, input, file, out);
    Progress progress = new Progress(out, training.iterations, terminal && !plain);
    out.println("training: " + training.describe());
    AlsModel trained;
    try {
      trained = new AlsTrainer(config.computeLoss(true).listener(progress).build()).fit(data);
    } finally {
      progress.finish();
    }
    ModelFile.save(trained, model);
    out.println(String.format(Locale.ROOT, "wrote %s (%,d bytes)", model, Files.size(model)));
    if (chart != null) {
      String title = "ALS loss, " + file.getFileName() + ", " + training.describe();
      LossChart.write(chart, title, progress.losses());
      out.println("wrote " + chart);
    }
    return Cli.OK;
  }

  /** Checked before training, so a typo in an output path does not cost a whole run. */
  private static void requireFolder(Path output) {
    Path folder = output.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new Failure("cannot write " + output + ": " + folder + " is not a directory");
    }
  }
}
