package org.alskernel.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.Confidence;

/**
 * Reads and checks a {@link ModelFile}. Every count in the header is checked against the file's
 * length before anything is allocated, so a corrupted count fails with a message instead of an
 * OutOfMemoryError; the checksum then catches any flipped byte the structural checks let through.
 */
final class ModelFileReader {
  private final Path file;
  private final long size;
  private final DataInputStream in;
  private final CRC32C crc = new CRC32C();
  private long consumed;

  private ModelFileReader(Path file, long size, InputStream raw) {
    this.file = file;
    this.size = size;
    this.in = new DataInputStream(
        new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
  }

  static AlsModel read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ModelFileReader reader =
          new ModelFileReader(file, channel.size(), Channels.newInputStream(channel));
      try {
        return reader.read();
      } catch (EOFException e) {
        throw reader.fail("truncated: the file ends at byte " + reader.size
            + " in the middle of the data", e);
      }
    }
  }

  private ModelFileException fail(String problem) {
    return new ModelFileException(file, problem);
  }

  private ModelFileException fail(String problem, Throwable cause) {
    return new ModelFileException(file, problem, cause);
  }

  private AlsModel read() throws IOException {
    if (size < ModelFile.MAGIC.length) {
      throw fail("truncated or not a model file: only " + size + " bytes");
    }
    byte[] magic = new byte[ModelFile.MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, ModelFile.MAGIC)) {
      throw fail("not an als-kernel model file (wrong magic bytes "
          + new String(magic, StandardCharsets.ISO_8859_1) + ", expected ALSMODEL)");
    }
    if (size < ModelFile.HEADER_BYTES + 4L) {
      throw fail("truncated: " + size + " bytes, but the header and checksum alone take "
          + (ModelFile.HEADER_BYTES + 4));
    }
    int version = in.readInt();
    if (version != ModelFile.VERSION) {
      throw fail("unsupported format version " + version + " (this reader knows version "
          + ModelFile.VERSION + ")");
    }
    int k = in.readInt();
    int users = in.readInt();
    int items = in.readInt();
    float lambda = in.readFloat();
    float alpha = in.readFloat();
    float epsilon = in.readFloat();
    int confidenceCode = in.readUnsignedByte();
    int userKind = in.readUnsignedByte();
    int itemKind = in.readUnsignedByte();
    int reserved = in.readUnsignedByte();
    int iterations = in.readInt();
    long seed = in.readLong();
    consumed = ModelFile.HEADER_BYTES;

    if (k < 1 || k > AlsConfig.MAX_FACTORS || users < 0 || items < 0) {
      throw fail("corrupted header: k = " + k + ", users = " + users + ", items = " + items);
    }
    if (confidenceCode >= Confidence.values().length) {
      throw fail("corrupted header: unknown confidence function code " + confidenceCode);
    }
    if (userKind > ModelFile.KIND_STRING || itemKind > ModelFile.KIND_STRING || reserved != 0) {
      throw fail("corrupted header: id kinds " + userKind + "/" + itemKind + ", reserved byte "
          + reserved);
    }
    ModelSettings settings;
    try {
      settings = new ModelSettings(k, lambda, alpha, Confidence.values()[confidenceCode], epsilon,
          iterations, seed);
    } catch (IllegalArgumentException e) {
      throw fail("corrupted header: " + e.getMessage(), e);
    }

    long factorBytes = 4L * k * ((long) users + items);
    long smallest = ModelFile.HEADER_BYTES + idBytesAtLeast(userKind, users)
        + idBytesAtLeast(itemKind, items) + factorBytes + 4;
    if (size < smallest) {
      throw fail("truncated or corrupted: the header (k = " + k + ", " + users + " users, " + items
          + " items) needs at least " + smallest + " bytes, the file has " + size);
    }
    if (userKind == ModelFile.KIND_LONG && itemKind == ModelFile.KIND_LONG && size != smallest) {
      throw fail("corrupted: the header (k = " + k + ", " + users + " users, " + items
          + " items, numeric ids) needs exactly " + smallest + " bytes, the file has " + size);
    }
    long factorsStart = size - 4 - factorBytes;
    IdMap userIds = readIds("user", userKind, users, factorsStart);
    IdMap itemIds = readIds("item", itemKind, items, factorsStart);
    if (consumed != factorsStart) {
      throw fail("corrupted: the ids end at byte " + consumed + " but the factors must start at "
          + factorsStart);
    }
    float[] userFactors = readFloats((long) users * k);
    float[] itemFactors = readFloats((long) items * k);
    int expected = (int) crc.getValue();
    int stored = in.readInt(); // read after taking the value: the checksum does not cover itself
    if (stored != expected) {
      throw fail(String.format("checksum mismatch: stored CRC32C %08x, computed %08x over the first "
          + "%d bytes; the file is corrupted", stored, expected, size - 4));
    }
    if (in.read() != -1) {
      throw fail("trailing bytes after the checksum");
    }
    return new AlsModel(new FactorModel(k, users, items, userFactors, itemFactors), userIds,
        itemIds, settings);
  }

  private static long idBytesAtLeast(int kind, int count) {
    return (kind == ModelFile.KIND_LONG ? 8L : 4L) * count;
  }

  private IdMap readIds(String side, int kind, int count, long limit) throws IOException {
    if (kind == ModelFile.KIND_LONG) {
      IdMap ids = IdMap.forLongs(count);
      for (int i = 0; i < count; i++) {
        long id = in.readLong();
        if (ids.getOrAdd(id) != i) {
          throw fail("corrupted: " + side + " id " + id + " appears twice (at index " + i + ")");
        }
      }
      consumed += 8L * count;
      return ids;
    }
    IdMap ids = IdMap.forStrings();
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      consumed += 4;
      if (length < 0 || length > limit - consumed) {
        throw fail("corrupted: " + side + " id " + i + " has length " + length
            + ", beyond the ids' part of the file");
      }
      byte[] utf8 = new byte[length];
      in.readFully(utf8);
      consumed += length;
      String id;
      try {
        id = decoder.decode(ByteBuffer.wrap(utf8)).toString();
      } catch (CharacterCodingException e) {
        throw fail("corrupted: " + side + " id " + i + " is not valid UTF-8", e);
      }
      if (ids.getOrAdd(id) != i) {
        throw fail("corrupted: " + side + " id \"" + id + "\" appears twice (at index " + i + ")");
      }
    }
    return ids;
  }

  private float[] readFloats(long count) throws IOException {
    if (count > Integer.MAX_VALUE - 16) {
      throw fail("corrupted: " + count + " factors do not fit one array");
    }
    float[] out = new float[(int) count];
    byte[] block = new byte[1 << 16];
    ByteBuffer view = ByteBuffer.wrap(block);
    int perBlock = block.length / 4;
    for (int from = 0; from < out.length; from += perBlock) {
      int n = Math.min(perBlock, out.length - from);
      in.readFully(block, 0, 4 * n);
      view.clear();
      view.asFloatBuffer().get(out, from, n);
    }
    consumed += 4 * count;
    return out;
  }
}
