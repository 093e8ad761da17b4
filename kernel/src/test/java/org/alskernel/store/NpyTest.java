package org.alskernel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  /** The headers NumPy 2.4 writes with {@code numpy.save} for float32 arrays of these shapes. */
  @Test
  void headersAreTheOnesNumpyWrites() {
    assertHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (943, 64), }", 943, 64);
    assertHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", 5);
    assertHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (), }");
  }

  private static void assertHeader(String dict, int... shape) {
    byte[] h = Npy.header(shape);
    assertEquals(128, h.length, "data starts on a 64-byte boundary");
    byte[] expected = new byte[128];
    byte[] prefix = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0};
    System.arraycopy(prefix, 0, expected, 0, 10);
    String text = dict + " ".repeat(118 - 1 - dict.length()) + "\n";
    System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, expected, 10, 118);
    assertArrayEquals(expected, h, dict);
  }

  @Test
  void valuesReadBackBitForBit() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    float[] data = new float[37 * 5];
    for (int j = 0; j < data.length; j++) data[j] = (float) r.nextGaussian();
    data[0] = -0f;
    data[1] = Float.MIN_VALUE;
    data[2] = Float.intBitsToFloat(0x7fc00123); // a NaN with a payload
    data[3] = Float.MAX_VALUE;
    Path file = dir.resolve("a.npy");
    Npy.write(file, data, 37, 5);
    assertEquals(128 + data.length * 4L, Files.size(file));
    Npy.Floats back = Npy.read(file);
    assertArrayEquals(new int[] {37, 5}, back.shape());
    for (int j = 0; j < data.length; j++) {
      assertEquals(Float.floatToRawIntBits(data[j]), Float.floatToRawIntBits(back.data()[j]), "value " + j);
    }
    Path big = dir.resolve("big.npy");
    float[] many = new float[100_003]; // more than one write buffer
    for (int j = 0; j < many.length; j++) many[j] = j * 0.5f;
    Npy.write(big, many, many.length);
    assertArrayEquals(many, Npy.read(big).data());
  }

  @Test
  void wrongShapesAndFilesAreRefused() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("x.npy"), new float[5], 2, 3));
    Path text = Files.writeString(dir.resolve("t.npy"), "not numpy");
    IOException e = assertThrows(IOException.class, () -> Npy.read(text));
    assertTrue(e.getMessage().contains("not a version 1.0 .npy file"), e.getMessage());
    Path cut = dir.resolve("cut.npy");
    Npy.write(cut, new float[6], 2, 3);
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));
    e = assertThrows(IOException.class, () -> Npy.read(cut));
    assertTrue(e.getMessage().contains("23 data bytes, shape [2, 3] needs 24"), e.getMessage());
  }
}
