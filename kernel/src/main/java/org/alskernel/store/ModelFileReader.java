package org.alskernel.store;

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
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.RatingScale;
import org.alskernel.sweep.Weighting;

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
    if (java.nio.file.Files.isDirectory(file)) {
      throw new ModelFileException(file, "is a directory");
    }
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

  /** What the header says, whichever version wrote it. */
  private record Header(ModelSettings settings, int k, int users, int items, int userKind,
      int itemKind, float mean) {
    boolean biased() {
      return settings.variant().isBiased();
    }

    boolean counts() {
      return settings.weighting().needsItemCounts();
    }
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
    if (size < ModelFile.MAGIC.length + 4L) {
      throw fail("truncated: " + size + " bytes, the file ends inside the version");
    }
    int version = in.readInt();
    int headerBytes = switch (version) {
      case 1 -> ModelFile.HEADER_BYTES_V1;
      case 2 -> ModelFile.HEADER_BYTES_V2;
      case 3 -> ModelFile.HEADER_BYTES;
      default -> throw fail("unsupported format version " + version + " (this reader knows"
          + " versions 1 to " + ModelFile.VERSION + ")");
    };
    if (size < headerBytes + 4L) {
      throw fail("truncated: " + size + " bytes, but the version " + version + " header and"
          + " checksum alone take " + (headerBytes + 4));
    }
    Header h = version == 1 ? readHeaderV1() : readHeader(version);
    consumed = headerBytes;

    long factorBytes = 4L * h.k * ((long) h.users + h.items);
    long tailBytes = factorBytes + (h.biased() ? 4L * ((long) h.users + h.items) : 0)
        + (h.counts() ? 4L * h.items : 0);
    long smallest = headerBytes + idBytesAtLeast(h.userKind, h.users)
        + idBytesAtLeast(h.itemKind, h.items) + tailBytes + 4;
    if (size < smallest) {
      throw fail("truncated or corrupted: the header (k = " + h.k + ", " + h.users + " users, "
          + h.items + " items) needs at least " + smallest + " bytes, the file has " + size);
    }
    if (h.userKind == ModelFile.KIND_LONG && h.itemKind == ModelFile.KIND_LONG && size != smallest) {
      throw fail("corrupted: the header (k = " + h.k + ", " + h.users + " users, " + h.items
          + " items, numeric ids) needs exactly " + smallest + " bytes, the file has " + size);
    }
    long tailStart = size - 4 - tailBytes;
    IdMap userIds = readIds("user", h.userKind, h.users, tailStart);
    IdMap itemIds = readIds("item", h.itemKind, h.items, tailStart);
    if (consumed != tailStart) {
      throw fail("corrupted: the ids end at byte " + consumed + " but the data after them must"
          + " start at " + tailStart);
    }
    float[] userBias = h.biased() ? readFloats(h.users) : null;
    float[] itemBias = h.biased() ? readFloats(h.items) : null;
    int[] counts = h.counts() ? readInts(h.items) : null;
    float[] userFactors = readFloats((long) h.users * h.k);
    float[] itemFactors = readFloats((long) h.items * h.k);
    int expected = (int) crc.getValue();
    int stored = in.readInt(); // read after taking the value: the checksum does not cover itself
    if (stored != expected) {
      throw fail(String.format("checksum mismatch: stored CRC32C %08x, computed %08x over the first "
          + "%d bytes; the file is corrupted", stored, expected, size - 4));
    }
    if (in.read() != -1) {
      throw fail("trailing bytes after the checksum");
    }
    try {
      FactorModel factors = h.biased()
          ? new FactorModel(h.k, h.users, h.items, userFactors, itemFactors, h.mean, userBias,
              itemBias)
          : new FactorModel(h.k, h.users, h.items, userFactors, itemFactors);
      return new AlsModel(factors, userIds, itemIds, h.settings, counts);
    } catch (IllegalArgumentException e) {
      throw fail("corrupted: " + e.getMessage(), e);
    }
  }

  /** Version 1: a plain implicit model. */
  private Header readHeaderV1() throws IOException {
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
    checkShape(k, users, items, userKind, itemKind, reserved);
    Confidence confidence = code(Confidence.values(), confidenceCode, "confidence function");
    try {
      return new Header(new ModelSettings(k, lambda, alpha, confidence, epsilon, iterations, seed),
          k, users, items, userKind, itemKind, 0f);
    } catch (IllegalArgumentException e) {
      throw fail("corrupted header: " + e.getMessage(), e);
    }
  }

  /** Versions 2 and 3; version 2 has no frequency scaling (ν = 0, α₀ = 0). */
  private Header readHeader(int version) throws IOException {
    int k = in.readInt();
    int users = in.readInt();
    int items = in.readInt();
    AlsVariant variant = code(AlsVariant.values(), in.readUnsignedByte(), "variant");
    Confidence confidence = code(Confidence.values(), in.readUnsignedByte(), "confidence function");
    Weighting.Kind weighting =
        code(Weighting.Kind.values(), in.readUnsignedByte(), "weighting");
    int flags = in.readUnsignedByte();
    int userKind = in.readUnsignedByte();
    int itemKind = in.readUnsignedByte();
    int reserved = in.readUnsignedShort();
    float lambda = in.readFloat();
    float alpha = in.readFloat();
    float epsilon = in.readFloat();
    float w0 = in.readFloat();
    float parameter = in.readFloat();
    float scaleMin = in.readFloat();
    float scaleMax = in.readFloat();
    float mean = in.readFloat();
    int iterations = in.readInt();
    long seed = in.readLong();
    reserved |= in.readInt();
    float nu = version >= 3 ? in.readFloat() : 0f;
    float unobservedWeight = version >= 3 ? in.readFloat() : 0f;
    checkShape(k, users, items, userKind, itemKind, reserved);
    if ((flags & ~(ModelFile.FLAG_LAMBDA_SCALED | ModelFile.FLAG_RATING_SCALE)) != 0) {
      throw fail("corrupted header: unknown flags " + flags);
    }
    boolean hasScale = (flags & ModelFile.FLAG_RATING_SCALE) != 0;
    if (!hasScale && (scaleMin != 0f || scaleMax != 0f)
        || !variant.isBiased() && Float.floatToRawIntBits(mean) != 0) {
      throw fail("corrupted header: values set for settings the model does not have");
    }
    try {
      Equation equation = new Equation(variant, k, lambda,
          (flags & ModelFile.FLAG_LAMBDA_SCALED) != 0, alpha, confidence, epsilon,
          new Weighting(weighting, w0, parameter),
          hasScale ? new RatingScale(scaleMin, scaleMax) : null, nu, unobservedWeight);
      ModelSettings settings = new ModelSettings(equation, iterations, seed);
      return new Header(settings, k, users, items, userKind, itemKind, mean);
    } catch (IllegalArgumentException e) {
      throw fail("corrupted header: " + e.getMessage(), e);
    }
  }

  private void checkShape(int k, int users, int items, int userKind, int itemKind, int reserved)
      throws ModelFileException {
    if (k < 1 || k > Equation.MAX_FACTORS || users < 0 || items < 0) {
      throw fail("corrupted header: k = " + k + ", users = " + users + ", items = " + items);
    }
    if (userKind > ModelFile.KIND_STRING || itemKind > ModelFile.KIND_STRING || reserved != 0) {
      throw fail("corrupted header: id kinds " + userKind + "/" + itemKind + ", reserved bytes "
          + reserved);
    }
  }

  private <T> T code(T[] values, int code, String what) throws ModelFileException {
    if (code >= values.length) {
      throw fail("corrupted header: unknown " + what + " code " + code);
    }
    return values[code];
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

  private int[] readInts(int count) throws IOException {
    int[] out = new int[count];
    for (int j = 0; j < count; j++) {
      out[j] = in.readInt();
    }
    consumed += 4L * count;
    return out;
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
