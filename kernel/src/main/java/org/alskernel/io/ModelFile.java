package org.alskernel.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;

/**
 * Saves and loads an {@link AlsModel} in a versioned binary file (layout in docs/model-format.md):
 * a fixed header, the user and item ids, the factors, and a CRC32C of every byte before it. All
 * numbers are big-endian.
 *
 * <p>{@link #save} writes a temporary file in the target's directory, forces it to disk, and renames it
 * over the target atomically, so a crash leaves either the old file or the new one, never a half-written
 * one. {@link #load} refuses a file with the wrong magic or version, a header that does not fit the
 * file's length, a truncated body, trailing bytes, or a checksum mismatch, with a {@link
 * ModelFileException} naming the file and the problem. A loaded model's factors are bit for bit the
 * saved ones.
 */
public final class ModelFile {
  /** The first 8 bytes of every model file. */
  static final byte[] MAGIC = "ALSMODEL".getBytes(StandardCharsets.US_ASCII);
  /** The version this code writes and the only one it reads. */
  public static final int VERSION = 1;
  /** Bytes before the ids: magic 8, version, k, users, items (4 each), λ, α, ε (4 each), confidence, two id kinds, reserved (1 each), iterations 4, seed 8. */
  static final int HEADER_BYTES = 8 + 4 * 4 + 3 * 4 + 4 + 4 + 8;
  static final byte KIND_LONG = 0;
  static final byte KIND_STRING = 1;

  private ModelFile() {}

  /** Writes {@code model} to {@code file}, replacing it atomically. */
  public static void save(AlsModel model, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        CRC32C crc = new CRC32C();
        OutputStream raw = Channels.newOutputStream(channel);
        DataOutputStream out = new DataOutputStream(
            new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
        writeBody(model, out);
        out.flush();
        // The checksum goes around the CheckedOutputStream: it covers everything before it.
        ByteBuffer tail = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
        while (tail.hasRemaining()) {
          channel.write(tail);
        }
        channel.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically on this file system", e);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes the rename itself durable where the platform allows opening a directory. */
  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported everywhere (e.g. Windows); the file itself is already on disk.
    }
  }

  private static void writeBody(AlsModel model, DataOutputStream out) throws IOException {
    FactorModel f = model.factors();
    ModelSettings s = model.settings();
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(f.factors());
    out.writeInt(f.users());
    out.writeInt(f.items());
    out.writeFloat(s.lambda());
    out.writeFloat(s.alpha());
    out.writeFloat(s.epsilon());
    out.writeByte(s.confidence().ordinal());
    out.writeByte(model.users().isNumeric() ? KIND_LONG : KIND_STRING);
    out.writeByte(model.items().isNumeric() ? KIND_LONG : KIND_STRING);
    out.writeByte(0);
    out.writeInt(s.iterations());
    out.writeLong(s.seed());
    writeIds(model.users(), out);
    writeIds(model.items(), out);
    writeFloats(f.userFactors(), out);
    writeFloats(f.itemFactors(), out);
  }

  private static void writeIds(IdMap ids, DataOutputStream out) throws IOException {
    int n = ids.size();
    if (ids.isNumeric()) {
      for (int i = 0; i < n; i++) {
        out.writeLong(ids.longId(i));
      }
    } else {
      for (int i = 0; i < n; i++) {
        byte[] utf8 = ids.id(i).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
    }
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

  /** Reads a model written by {@link #save}. */
  public static AlsModel load(Path file) throws IOException {
    return ModelFileReader.read(file);
  }
}
