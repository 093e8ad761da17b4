package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alskernel.data.Interactions;
import org.alskernel.io.OutputFiles;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
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
    TrainingOptions.require(spec, chart == null || training.hasLoss(),
        "--chart needs the loss, which the kernel does not compute for --variant implicit-biased");
    List<Path> outputs = chart == null ? List.of(model) : List.of(model, chart);
    // Every output is checked and staged before the file is read, so a bad path fails at once, and
    // the targets are replaced only when all of them are written.
    try (OutputFiles staged = OutputFiles.prepare(training.inputs(file), outputs)) {
      PrintWriter out = spec.commandLine().getErr(); // messages; train's result is the model file
      Interactions read = DataReport.readWhileWarming(spec, input, file, out, training);
      CountHint.check(read, training, "train", out);
      Interactions data = training.weigh(read);
      Progress progress = new Progress(out, training.iterations, training.hasLoss(), terminal && !plain);
      out.println("training: " + training.describe());
      AlsModel trained;
      try {
        trained = new AlsTrainer(config.computeLoss(training.hasLoss()).listener(progress).build()).fit(data);
      } finally {
        progress.finish();
      }
      ModelFile.save(trained, staged, model);
      if (chart != null) {
        String title = "ALS loss, " + file.getFileName() + ", " + training.describe();
        LossChart.write(staged.staging(chart), title, progress.losses());
      }
      long bytes = Files.size(staged.staging(model));
      staged.commit();
      out.println(String.format(Locale.ROOT, "wrote %s (%,d bytes)", model, bytes));
      if (chart != null) {
        out.println("wrote " + chart);
      }
    }
    return Cli.OK;
  }
}
