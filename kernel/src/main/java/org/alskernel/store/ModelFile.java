package org.alskernel.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.alskernel.data.IdMap;
import org.alskernel.io.OutputFiles;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;

/**
 * Saves and loads an {@link AlsModel} in a versioned binary file (layout in docs/model-format.md):
 * a fixed header with the variant and every setting scoring and fold-in need, the user and item ids,
 * the biases and item counts when the model has them, the factors, and a CRC32C of every byte before
 * it. All numbers are big-endian. Version 3 is written; version 2 files (no frequency scaling) and
 * version 1 files (plain implicit models) still load.
 *
 * <p>{@link #save} writes a staging file beside the target ({@link OutputFiles}), forces it to disk,
 * and renames it over the target atomically, so a crash leaves either the old file or the new one,
 * never a half-written one. {@link #load} refuses a file with the wrong magic or version, a header
 * that does not fit the file's length, a truncated body, trailing bytes, or a checksum mismatch, with
 * a {@link ModelFileException} naming the file and the problem. A loaded model is bit for bit the
 * saved one: factors, biases, μ, counts, ids and settings.
 */
public final class ModelFile {
  /** The first 8 bytes of every model file. */
  static final byte[] MAGIC = "ALSMODEL".getBytes(StandardCharsets.US_ASCII);
  /** The version this code writes. */
  public static final int VERSION = 3;
  /** Bytes before the ids in version 1. */
  static final int HEADER_BYTES_V1 = 8 + 4 * 4 + 3 * 4 + 4 + 4 + 8;
  /** Bytes before the ids in version 2. */
  static final int HEADER_BYTES_V2 = 8 + 4 * 4 + 8 + 8 * 4 + 4 + 8 + 4;
  /** Bytes before the ids in version 3 (docs/model-format.md): version 2's and ν, α₀. */
  static final int HEADER_BYTES = HEADER_BYTES_V2 + 2 * 4;
  static final byte KIND_LONG = 0;
  static final byte KIND_STRING = 1;
  static final int FLAG_LAMBDA_SCALED = 1;
  static final int FLAG_RATING_SCALE = 2;

  private ModelFile() {}

  /**
   * Writes {@code model} to {@code file}, replacing it atomically (the rules of {@link OutputFiles}).
   *
   * @throws IOException if the path is refused or the write fails; the old file is then untouched
   * @throws IllegalArgumentException if the model cannot be saved faithfully (an id that is not
   *     valid Unicode), before anything is written
   */
  public static void save(AlsModel model, Path file) throws IOException {
    try (OutputFiles outputs = OutputFiles.prepare(file)) {
      save(model, outputs, file);
      outputs.commit();
    }
  }

  /**
   * Writes {@code model} into the staging file of {@code file}, one of {@code outputs}' targets; the
   * target itself is replaced by {@link OutputFiles#commit}.
   */
  public static void save(AlsModel model, OutputFiles outputs, Path file) throws IOException {
    byte[][] userIds = encodeIds("user", model.users());
    byte[][] itemIds = encodeIds("item", model.items());
    try (FileChannel channel = FileChannel.open(outputs.staging(file), StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      CRC32C crc = new CRC32C();
      OutputStream raw = Channels.newOutputStream(channel);
      DataOutputStream out = new DataOutputStream(
          new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
      writeHeader(model, out);
      writeIds(model.users(), userIds, out);
      writeIds(model.items(), itemIds, out);
      FactorModel f = model.factors();
      if (f.hasBiases()) {
        writeFloats(biases(f, true), out);
        writeFloats(biases(f, false), out);
      }
      int[] counts = model.itemCounts();
      if (counts != null) {
        for (int c : counts) {
          out.writeInt(c);
        }
      }
      writeFloats(f.userFactors(), out);
      writeFloats(f.itemFactors(), out);
      out.flush();
      // The checksum goes around the CheckedOutputStream: it covers everything before it.
      ByteBuffer tail = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
      while (tail.hasRemaining()) {
        channel.write(tail);
      }
      channel.force(true);
    }
  }

  private static void writeHeader(AlsModel model, DataOutputStream out) throws IOException {
    FactorModel f = model.factors();
    ModelSettings s = model.settings();
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(f.k());
    out.writeInt(f.users());
    out.writeInt(f.items());
    out.writeByte(s.variant().ordinal());
    out.writeByte(s.confidence().ordinal());
    out.writeByte(s.weighting().kind().ordinal());
    out.writeByte((s.lambdaScaledByCount() ? FLAG_LAMBDA_SCALED : 0)
        | (s.ratingScale() != null ? FLAG_RATING_SCALE : 0));
    out.writeByte(model.users().isNumeric() ? KIND_LONG : KIND_STRING);
    out.writeByte(model.items().isNumeric() ? KIND_LONG : KIND_STRING);
    out.writeShort(0);
    out.writeFloat(s.lambda());
    out.writeFloat(s.alpha());
    out.writeFloat(s.epsilon());
    out.writeFloat(s.weighting().w0());
    out.writeFloat(s.weighting().parameter());
    out.writeFloat(s.ratingScale() == null ? 0f : s.ratingScale().min());
    out.writeFloat(s.ratingScale() == null ? 0f : s.ratingScale().max());
    out.writeFloat(f.globalMean());
    out.writeInt(s.iterations());
    out.writeLong(s.seed());
    out.writeInt(0); // reserved
    out.writeFloat(s.nu());
    out.writeFloat(s.unobservedWeight());
  }

  /** String ids as strict UTF-8 (null for numeric ids); an id that is not valid Unicode is refused. */
  private static byte[][] encodeIds(String side, IdMap ids) {
    if (ids.isNumeric()) {
      return null;
    }
    var encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[][] out = new byte[ids.size()][];
    for (int i = 0; i < out.length; i++) {
      try {
        ByteBuffer b = encoder.encode(CharBuffer.wrap(ids.id(i)));
        out[i] = Arrays.copyOf(b.array(), b.limit());
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("cannot save the model faithfully: " + side + " id at"
            + " index " + i + " is not valid Unicode (a lone surrogate), so UTF-8 cannot hold it");
      }
    }
    return out;
  }

  private static void writeIds(IdMap ids, byte[][] utf8, DataOutputStream out) throws IOException {
    int n = ids.size();
    for (int i = 0; i < n; i++) {
      if (utf8 == null) {
        out.writeLong(ids.longId(i));
      } else {
        out.writeInt(utf8[i].length);
        out.write(utf8[i]);
      }
    }
  }

  private static float[] biases(FactorModel f, boolean users) {
    float[] b = new float[users ? f.users() : f.items()];
    for (int j = 0; j < b.length; j++) {
      b[j] = users ? f.userBias(j) : f.itemBias(j);
    }
    return b;
  }

  /** Floats in 64 KiB big-endian blocks rather than one stream call each. */
  private static void writeFloats(float[] values, DataOutputStream out) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
    int perBlock = block.capacity() / 4;
    for (int from = 0; from < values.length; from += perBlock) {
      int n = Math.min(perBlock, values.length - from);
      block.clear();
      block.asFloatBuffer().put(values, from, n);
      out.write(block.array(), 0, 4 * n);
    }
  }

  /** Reads a model written by {@link #save} (format version 1, 2 or 3). */
  public static AlsModel load(Path file) throws IOException {
    return ModelFileReader.read(file);
  }
}
