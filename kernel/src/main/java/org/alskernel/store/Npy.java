package org.alskernel.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} file format, version 1.0, for little-endian float32 arrays in C order: what
 * {@code numpy.load} reads as {@code dtype('float32')} with the given shape. The header is the
 * magic string, the version, its length and a Python dict literal padded with spaces so the data
 * starts on a 64-byte boundary, as NumPy writes it.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  private static final Pattern HEADER = Pattern.compile(
      "\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

  private Npy() {}

  /** An array read from a file: its shape and its values in C order. */
  public record Floats(int[] shape, float[] data) {}

  /**
   * Writes {@code data}, whose length must be the product of {@code shape} (no dimensions: a scalar,
   * one value).
   */
  public static void write(Path file, float[] data, int... shape) throws IOException {
    long size = 1;
    for (int d : shape) {
      if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(shape));
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header(shape));
      ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : data) {
        if (!chunk.hasRemaining()) {
          out.write(chunk.array(), 0, chunk.position());
          chunk.clear();
        }
        chunk.putFloat(v);
      }
      out.write(chunk.array(), 0, chunk.position());
    }
  }

  /** The header bytes for {@code shape}: magic, version 1.0, length, dict, padding. */
  static byte[] header(int... shape) {
    StringBuilder dims = new StringBuilder();
    for (int j = 0; j < shape.length; j++) {
      dims.append(j == 0 ? "" : ", ").append(shape[j]);
    }
    if (shape.length == 1) dims.append(',');
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
    String text = dict + " ".repeat(total - unpadded) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  /**
   * Reads a file written by {@link #write} (or by NumPy for a float32 C-order array).
   *
   * @throws IOException naming the file if it is not such an array
   */
  public static Floats read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)
        || bytes[6] != 1 || bytes[7] != 0) {
      throw new IOException(file + ": not a version 1.0 .npy file");
    }
    int headerLength = Short.toUnsignedInt(b.getShort(8));
    if (10 + headerLength > bytes.length) {
      throw new IOException(file + ": .npy header longer than the file");
    }
    String text = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    Matcher m = HEADER.matcher(text);
    if (!m.matches()) {
      throw new IOException(file + ": not a little-endian float32 C-order array: " + text.strip());
    }
    int[] shape = Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
    long size = Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y);
    if (bytes.length - 10 - headerLength != size * Float.BYTES) {
      throw new IOException(file + ": " + (bytes.length - 10 - headerLength) + " data bytes, shape "
          + Arrays.toString(shape) + " needs " + size * Float.BYTES);
    }
    float[] data = new float[(int) size];
    b.position(10 + headerLength).asFloatBuffer().get(data);
    return new Floats(shape, data);
  }
}
