package org.alskernel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.RatingScale;
import org.alskernel.sweep.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path dir;

  static AlsModel model(boolean stringUsers, int users, int items, int k) {
    SplittableRandom rnd = new SplittableRandom(users * 31L + k);
    float[] x = new float[users * k];
    float[] y = new float[items * k];
    for (int j = 0; j < x.length; j++) {
      x[j] = (float) rnd.nextGaussian();
    }
    for (int j = 0; j < y.length; j++) {
      y[j] = (float) rnd.nextGaussian();
    }
    if (x.length > 0) {
      x[0] = -0f; // signed zero must survive
    }
    IdMap u = stringUsers ? IdMap.forStrings() : IdMap.forLongs();
    for (int j = 0; j < users; j++) {
      if (stringUsers) {
        u.getOrAdd("user-" + j + (j % 3 == 0 ? "-é✓" : ""));
      } else {
        u.getOrAdd(Long.MIN_VALUE + 7L * j);
      }
    }
    IdMap i = IdMap.forLongs();
    for (int j = 0; j < items; j++) {
      i.getOrAdd(1_000_000_007L * j);
    }
    ModelSettings s = new ModelSettings(k, 0.25f, 40f, Confidence.LOG, 0.5f, 15, -3L);
    return new AlsModel(new FactorModel(k, users, items, x, y), u, i, s);
  }

  /** An explicit biased model with popularity weights: biases, μ, counts and a rating scale. */
  static AlsModel biasedModel(int users, int items, int k) {
    AlsModel plain = model(true, users, items, k);
    float[] userBias = new float[users];
    float[] itemBias = new float[items];
    int[] counts = new int[items];
    for (int j = 0; j < users; j++) {
      userBias[j] = 0.5f - j;
    }
    for (int j = 0; j < items; j++) {
      itemBias[j] = j * 0.25f;
      counts[j] = 3 * j;
    }
    FactorModel f = new FactorModel(k, users, items, plain.factors().userFactors(),
        plain.factors().itemFactors(), 3.5f, userBias, itemBias);
    ModelSettings s = new ModelSettings(new Equation(AlsVariant.EXPLICIT_BIASED, k, 0.05f, true, 1f,
        Confidence.LINEAR, 1f, new Weighting(Weighting.Kind.LINEAR_POPULARITY, 0.5f, 3f),
        new RatingScale(1, 5)), 7, 9L);
    return new AlsModel(f, plain.users(), plain.items(), s, counts);
  }

  static void assertSameModel(AlsModel a, AlsModel b) {
    assertEquals(a.settings(), b.settings());
    assertTrue(Arrays.equals(a.factors().userFactors(), b.factors().userFactors()));
    assertTrue(Arrays.equals(a.factors().itemFactors(), b.factors().itemFactors()));
    assertEquals(a.users().isNumeric(), b.users().isNumeric());
    assertEquals(a.items().isNumeric(), b.items().isNumeric());
    for (int j = 0; j < a.userCount(); j++) {
      assertEquals(a.users().id(j), b.users().id(j));
    }
    for (int j = 0; j < a.itemCount(); j++) {
      assertEquals(a.items().id(j), b.items().id(j));
    }
  }

  @Test
  void roundTripIsBitExactForBothIdKinds() throws IOException {
    for (boolean strings : new boolean[] {false, true}) {
      AlsModel m = model(strings, 37, 23, 5);
      Path f = dir.resolve("m" + strings + ".als");
      ModelFile.save(m, f);
      assertSameModel(m, ModelFile.load(f));
    }
    AlsModel empty = model(false, 0, 0, 1);
    ModelFile.save(empty, dir.resolve("empty.als"));
    assertSameModel(empty, ModelFile.load(dir.resolve("empty.als")));
  }

  @Test
  void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("model.als");
    ModelFile.save(model(false, 5, 4, 3), f);
    AlsModel second = model(true, 6, 4, 3);
    ModelFile.save(second, f);
    assertSameModel(second, ModelFile.load(f));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "only model.als should remain");
    }
  }

  @Test
  void everyFlippedByteOfABiasedModelIsCaught() throws IOException {
    AlsModel m = biasedModel(6, 5, 3);
    Path f = dir.resolve("biased.als");
    ModelFile.save(m, f);
    AlsModel loaded = ModelFile.load(f);
    assertSameModel(m, loaded);
    assertArrayEquals(m.itemCounts(), loaded.itemCounts());
    byte[] good = Files.readAllBytes(f);
    for (int at = 0; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] ^= (byte) (1 << (at % 8));
      refused(bad, "flip.als");
    }
  }

  private Path saved(boolean strings) throws IOException {
    Path f = dir.resolve("good" + strings + ".als");
    ModelFile.save(model(strings, 9, 7, 3), f);
    return f;
  }

  private ModelFileException refused(byte[] bytes, String name) throws IOException {
    Path bad = dir.resolve(name);
    Files.write(bad, bytes);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertEquals(bad, e.file());
    return e;
  }

  @Test
  void truncatedFilesAreRefused() throws IOException {
    for (boolean strings : new boolean[] {false, true}) {
      byte[] good = Files.readAllBytes(saved(strings));
      for (int len : new int[] {0, 5, 8, 20, ModelFile.HEADER_BYTES, ModelFile.HEADER_BYTES + 3,
          ModelFile.HEADER_BYTES + 50, good.length / 2, good.length - 5, good.length - 1}) {
        ModelFileException e = refused(Arrays.copyOf(good, len), "cut" + len + ".als");
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("checksum")
            || e.getMessage().contains("corrupted"), e.getMessage());
      }
    }
  }

  @Test
  void everyFlippedByteIsCaught() throws IOException {
    for (boolean strings : new boolean[] {false, true}) {
      byte[] good = Files.readAllBytes(saved(strings));
      for (int at = 0; at < good.length; at++) {
        byte[] bad = good.clone();
        bad[at] ^= (byte) (1 << (at % 8));
        refused(bad, "flip.als");
      }
    }
  }

  @Test
  void namedCorruptionsSayWhatIsWrong() throws IOException {
    byte[] good = Files.readAllBytes(saved(false));
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertTrue(refused(magic, "magic.als").getMessage().contains("magic"));

    byte[] version = good.clone();
    ByteBuffer.wrap(version).putInt(8, ModelFile.VERSION + 1);
    assertTrue(refused(version, "version.als").getMessage()
        .contains("version " + (ModelFile.VERSION + 1)));

    byte[] factor = good.clone();
    factor[good.length - 10] ^= 1; // inside the item factors
    assertTrue(refused(factor, "factor.als").getMessage().contains("checksum mismatch"));

    byte[] id = good.clone();
    id[ModelFile.HEADER_BYTES + 3] ^= 4; // inside the first user id
    assertTrue(refused(id, "id.als").getMessage().contains("checksum mismatch"));

    byte[] crc = good.clone();
    crc[good.length - 1] ^= (byte) 0x80;
    assertTrue(refused(crc, "crc.als").getMessage().contains("checksum mismatch"));

    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertTrue(refused(longer, "long.als").getMessage().contains("corrupted"));
  }

  /** A version 1 file written byte by byte from the layout docs/model-format.md gives for it. */
  private static byte[] versionOne(AlsModel m) {
    int k = m.factors().k();
    int users = m.userCount();
    int items = m.itemCount();
    ByteBuffer b = ByteBuffer.allocate(ModelFile.HEADER_BYTES_V1 + 8 * (users + items)
        + 4 * k * (users + items) + 4);
    b.put(ModelFile.MAGIC).putInt(1).putInt(k).putInt(users).putInt(items);
    b.putFloat(m.settings().lambda()).putFloat(m.settings().alpha()).putFloat(m.settings().epsilon());
    b.put((byte) m.settings().confidence().ordinal()).put((byte) 0).put((byte) 0).put((byte) 0);
    b.putInt(m.settings().iterations()).putLong(m.settings().seed());
    for (int j = 0; j < users; j++) {
      b.putLong(m.users().longId(j));
    }
    for (int j = 0; j < items; j++) {
      b.putLong(m.items().longId(j));
    }
    for (float v : m.factors().userFactors()) {
      b.putFloat(v);
    }
    for (float v : m.factors().itemFactors()) {
      b.putFloat(v);
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  @Test
  void versionOneFilesLoadAsThePlainImplicitModelsTheyAre() throws IOException {
    AlsModel m = model(false, 11, 6, 4);
    Path f = dir.resolve("v1.als");
    Files.write(f, versionOne(m));
    AlsModel loaded = ModelFile.load(f);
    assertSameModel(m, loaded);
    assertEquals(AlsVariant.IMPLICIT, loaded.settings().variant());
    assertFalse(loaded.factors().hasBiases());
    byte[] flipped = versionOne(m);
    flipped[ModelFile.HEADER_BYTES_V1 + 2] ^= 1;
    assertTrue(refused(flipped, "v1-flipped.als").getMessage().contains("checksum"));
  }

  /** A frequency-scaled implicit model: ν and α₀ set, which only version 3 holds. */
  static AlsModel frequencyScaledModel(int users, int items, int k) {
    AlsModel plain = model(false, users, items, k);
    ModelSettings s = new ModelSettings(new Equation(AlsVariant.IMPLICIT, k, 2f, false, 5f,
        Confidence.LOG, 1f, Weighting.UNIFORM, null, 0.75f, 0.2f), 3, 4L);
    return new AlsModel(plain.factors(), plain.users(), plain.items(), s);
  }

  @Test
  void frequencyScalingSurvivesTheRoundTrip() throws IOException {
    AlsModel m = frequencyScaledModel(9, 7, 3);
    Path f = dir.resolve("nu.als");
    ModelFile.save(m, f);
    AlsModel loaded = ModelFile.load(f);
    assertSameModel(m, loaded);
    assertEquals(0.75f, loaded.settings().nu());
    assertEquals(0.2f, loaded.settings().unobservedWeight());
  }

  /**
   * A version 2 file made from a version 3 one as docs/model-format.md says they differ: version 2,
   * the header without its last 8 bytes (ν, α₀), and the checksum taken again.
   */
  private static byte[] versionTwo(byte[] three) {
    byte[] two = new byte[three.length - 8];
    System.arraycopy(three, 0, two, 0, ModelFile.HEADER_BYTES_V2);
    System.arraycopy(three, ModelFile.HEADER_BYTES, two, ModelFile.HEADER_BYTES_V2,
        three.length - ModelFile.HEADER_BYTES);
    ByteBuffer.wrap(two).putInt(8, 2);
    return resealed(two);
  }

  /** {@code bytes} with its last 4 bytes set to the CRC32C of all before them, as a file ends. */
  private static byte[] resealed(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  @Test
  void versionTwoFilesLoadWithoutFrequencyScaling() throws IOException {
    AlsModel m = biasedModel(8, 5, 3);
    Path f = dir.resolve("v3.als");
    ModelFile.save(m, f);
    byte[] three = Files.readAllBytes(f);
    assertEquals(3, ByteBuffer.wrap(three).getInt(8));
    Path two = dir.resolve("v2.als");
    Files.write(two, versionTwo(three));
    assertSameModel(m, ModelFile.load(two));
    assertEquals(0f, ModelFile.load(two).settings().nu());

    byte[] scaled = Files.readAllBytes(saved(frequencyScaledModel(4, 3, 2), "nu3.als"));
    Files.write(two, versionTwo(scaled));
    assertEquals(0f, ModelFile.load(two).settings().nu(), "version 2 has no ν to read");
  }

  private Path saved(AlsModel m, String name) throws IOException {
    Path f = dir.resolve(name);
    ModelFile.save(m, f);
    return f;
  }

  @Test
  void aNuOutsideItsRangeIsACorruptedHeader() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(frequencyScaledModel(4, 3, 2), "bad-nu.als"));
    ByteBuffer.wrap(bytes).putFloat(ModelFile.HEADER_BYTES_V2, 1.5f);
    String message = refused(resealed(bytes), "bad-nu-2.als").getMessage();
    assertTrue(message.contains("nu must be in [0, 1]"), message);
  }

  @Test
  void anIdThatUtf8CannotHoldIsRefusedBeforeAnythingIsWritten() throws IOException {
    IdMap users = IdMap.forStrings();
    users.getOrAdd("fine");
    users.getOrAdd("lone \ud800 surrogate");
    IdMap items = IdMap.forLongs();
    items.getOrAdd(1);
    AlsModel m = new AlsModel(new FactorModel(1, 2, 1, new float[2], new float[1]), users, items,
        new ModelSettings(1, 0.1f, 1f, Confidence.LINEAR, 1f, 1, 1L));
    Path f = dir.resolve("kept.als");
    Files.writeString(f, "old");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFile.save(m, f));
    assertTrue(e.getMessage().contains("user id at index 1"), e.getMessage());
    assertEquals("old", Files.readString(f));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no staging file is left");
    }
  }

  @Test
  void aFailedLoadLeavesTheFileAlone() throws IOException {
    Path f = saved(true);
    byte[] before = Files.readAllBytes(f);
    ModelFile.load(f);
    assertArrayEquals(before, Files.readAllBytes(f));
    assertFalse(Files.exists(dir.resolve("missing.als")));
    assertThrows(IOException.class, () -> ModelFile.load(dir.resolve("missing.als")));
  }
}
