package org.alskernel.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.IdMap;
import org.alskernel.io.OutputFiles;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;

/**
 * A model's arrays as files other tools read: NumPy {@code .npy} arrays with the ids beside them, or
 * tab-separated text. Into a directory:
 *
 * <ul>
 *   <li>{@link Format#NPY}: {@code user_factors.npy} (users × k) and {@code item_factors.npy} (items ×
 *       k), float32; {@code user_ids.txt} and {@code item_ids.txt}, the id of row j on line j + 1;
 *       for a biased model also {@code user_biases.npy}, {@code item_biases.npy} (one dimension) and
 *       {@code global_mean.npy} (a scalar).
 *   <li>{@link Format#TSV}: {@code user_factors.tsv} and {@code item_factors.tsv}, a header line
 *       ({@code id}, {@code bias} for a biased model, {@code f0} … {@code f(k-1)}) and one line per
 *       row, every number in the fewest digits that read back to the same float; for a biased model
 *       also {@code global_mean.txt}.
 * </ul>
 *
 * The files are written as one set ({@link OutputFiles}): each replaces an existing file of its name
 * only when all are written, and other files in the directory are left alone.
 */
public final class FactorExport {
  /** The file formats of an export. */
  public enum Format {
    NPY,
    TSV
  }

  private FactorExport() {}

  /**
   * Writes {@code model}'s arrays into {@code dir} (created if missing) and returns the files written.
   *
   * @param inputs files the run read, which no output may replace (the model file, say)
   * @throws IllegalArgumentException if an id holds a line break (or, for TSV, a tab), before anything
   *     is written
   */
  public static List<Path> write(AlsModel model, Format format, Path dir, List<Path> inputs)
      throws IOException {
    checkIds("user", model.users(), format);
    checkIds("item", model.items(), format);
    Files.createDirectories(dir);
    FactorModel f = model.factors();
    List<Path> files = new ArrayList<>();
    String ext = format == Format.NPY ? ".npy" : ".tsv";
    files.add(dir.resolve("user_factors" + ext));
    files.add(dir.resolve("item_factors" + ext));
    if (format == Format.NPY) {
      files.add(dir.resolve("user_ids.txt"));
      files.add(dir.resolve("item_ids.txt"));
    }
    if (f.hasBiases()) {
      if (format == Format.NPY) {
        files.add(dir.resolve("user_biases.npy"));
        files.add(dir.resolve("item_biases.npy"));
        files.add(dir.resolve("global_mean.npy"));
      } else {
        files.add(dir.resolve("global_mean.txt"));
      }
    }
    try (OutputFiles out = OutputFiles.prepare(inputs, files)) {
      if (format == Format.NPY) {
        Npy.write(out.staging(files.get(0)), f.userFactors(), f.users(), f.k());
        Npy.write(out.staging(files.get(1)), f.itemFactors(), f.items(), f.k());
        writeIds(out.staging(files.get(2)), model.users());
        writeIds(out.staging(files.get(3)), model.items());
        if (f.hasBiases()) {
          Npy.write(out.staging(files.get(4)), biases(f, true), f.users());
          Npy.write(out.staging(files.get(5)), biases(f, false), f.items());
          Npy.write(out.staging(files.get(6)), new float[] {f.globalMean()});
        }
      } else {
        float[] userBias = f.hasBiases() ? biases(f, true) : null;
        float[] itemBias = f.hasBiases() ? biases(f, false) : null;
        writeTsv(out.staging(files.get(0)), model.users(), f.userFactors(), userBias, f.k());
        writeTsv(out.staging(files.get(1)), model.items(), f.itemFactors(), itemBias, f.k());
        if (f.hasBiases()) {
          Files.writeString(out.staging(files.get(2)), Float.toString(f.globalMean()) + "\n");
        }
      }
      out.commit();
    }
    return List.copyOf(files);
  }

  private static float[] biases(FactorModel f, boolean users) {
    float[] b = new float[users ? f.users() : f.items()];
    for (int j = 0; j < b.length; j++) b[j] = users ? f.userBias(j) : f.itemBias(j);
    return b;
  }

  private static void checkIds(String kind, IdMap ids, Format format) {
    for (int j = 0; j < ids.size(); j++) {
      String id = ids.id(j);
      if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("the " + kind + " id at index " + j
            + " holds a line break; an export writes one id per line");
      }
      if (format == Format.TSV && id.indexOf('\t') >= 0) {
        throw new IllegalArgumentException("the " + kind + " id at index " + j
            + " holds a tab, which a TSV export cannot hold (the NPY export can)");
      }
    }
  }

  private static void writeIds(Path file, IdMap ids) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int j = 0; j < ids.size(); j++) {
        w.write(ids.id(j));
        w.write('\n');
      }
    }
  }

  private static void writeTsv(Path file, IdMap ids, float[] factors, float[] bias, int k)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(bias == null ? "id" : "id\tbias");
      for (int c = 0; c < k; c++) w.write("\tf" + c);
      w.write('\n');
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < ids.size(); j++) {
        line.setLength(0);
        line.append(ids.id(j));
        if (bias != null) line.append('\t').append(bias[j]);
        for (int c = 0; c < k; c++) line.append('\t').append(factors[j * k + c]);
        w.append(line).append('\n');
      }
    }
  }
}
