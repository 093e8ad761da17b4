package org.alskernel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alskernel.model.AlsModel;
import org.alskernel.store.FactorExport;
import org.alskernel.store.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code als export}: a model's factors, biases and ids as NumPy arrays or tab-separated text. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a saved model's factors (and biases, the global mean) as files for NumPy, "
        + "faiss or a spreadsheet.",
        "npy: user_factors.npy, item_factors.npy (float32, one row per id), user_ids.txt, item_ids.txt "
            + "(the id of row j on line j + 1); biased models add user_biases.npy, item_biases.npy, "
            + "global_mean.npy.",
        "tsv: user_factors.tsv, item_factors.tsv (id, bias when biased, f0 ...); biased models add "
            + "global_mean.txt."})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by train")
  Path model;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "npy", converter = FormatConverter.class,
      completionCandidates = FormatNames.class, description = "npy or tsv (default: ${DEFAULT-VALUE})")
  FactorExport.Format format;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the directory to write into (created if missing; files of these names replaced)")
  Path out;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    TrainingOptions.require(spec, !Files.exists(out) || Files.isDirectory(out),
        "--out must be a directory, and " + out + " is a file");
    AlsModel m = ModelFile.load(model);
    List<Path> written = FactorExport.write(m, format, out, List.of(model));
    PrintWriter err = spec.commandLine().getErr();
    err.println(String.format(Locale.ROOT, "wrote %d files to %s: %,d users and %,d items, k = %d",
        written.size(), out, m.userCount(), m.itemCount(), m.factors().k()));
    return Cli.OK;
  }

  static final class FormatConverter implements ITypeConverter<FactorExport.Format> {
    @Override
    public FactorExport.Format convert(String value) {
      for (FactorExport.Format f : FactorExport.Format.values()) {
        if (f.name().equalsIgnoreCase(value)) return f;
      }
      throw new TypeConversionException("unknown export format '" + value + "' (one of npy, tsv)");
    }
  }

  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("npy", "tsv").iterator();
    }
  }
}
