package org.alskernel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alskernel.data.IdMap;
import org.alskernel.model.AlsModel;
import org.alskernel.model.FactorModel;
import org.alskernel.model.ModelSettings;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Equation;
import org.alskernel.sweep.ExplicitWeighting;
import org.alskernel.sweep.Weighting;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorExportTest {
  @TempDir Path dir;

  static AlsModel model(boolean biased) {
    SplittableRandom r = new SplittableRandom(11);
    int k = 3;
    int users = 4;
    int items = 6;
    float[] x = new float[users * k];
    float[] y = new float[items * k];
    for (int j = 0; j < x.length; j++) x[j] = (float) r.nextGaussian();
    for (int j = 0; j < y.length; j++) y[j] = (float) r.nextGaussian() / 7;
    float[] bu = {0.1f, -0.2f, 0.3f, 1e-9f};
    float[] bi = {1f, 2f, 3f, 4f, 5f, -6.25f};
    FactorModel f = biased ? new FactorModel(k, users, items, x, y, 3.5f, bu, bi)
        : new FactorModel(k, users, items, x, y);
    IdMap u = IdMap.forStrings();
    for (String id : List.of("ann", "bob", "chloé", "42")) u.getOrAdd(id);
    IdMap i = IdMap.forLongs();
    for (long id : new long[] {10, 20, 30, 40, 50, -1}) i.getOrAdd(id);
    ModelSettings settings = biased
        ? new ModelSettings(new Equation(AlsVariant.EXPLICIT_BIASED, k, 0.05f, false, 1f,
            Confidence.LINEAR, 1f, Weighting.of(ExplicitWeighting.uniform()), null), 3, 1L)
        : new ModelSettings(k, 1f, 1f, Confidence.LINEAR, 1f, 1, 1L);
    return new AlsModel(f, u, i, settings);
  }

  @Test
  void npyArraysAndIdsHoldTheModelBitForBit() throws IOException {
    AlsModel m = model(true);
    List<Path> files = FactorExport.write(m, FactorExport.Format.NPY, dir.resolve("out"), List.of());
    assertEquals(7, files.size());
    Npy.Floats x = Npy.read(dir.resolve("out/user_factors.npy"));
    assertArrayEquals(new int[] {4, 3}, x.shape());
    assertArrayEquals(m.factors().userFactors(), x.data());
    assertArrayEquals(m.factors().itemFactors(), Npy.read(dir.resolve("out/item_factors.npy")).data());
    assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, 1e-9f}, Npy.read(dir.resolve("out/user_biases.npy")).data());
    assertArrayEquals(new int[] {6}, Npy.read(dir.resolve("out/item_biases.npy")).shape());
    Npy.Floats mu = Npy.read(dir.resolve("out/global_mean.npy"));
    assertArrayEquals(new int[0], mu.shape());
    assertEquals(3.5f, mu.data()[0]);
    assertEquals(List.of("ann", "bob", "chloé", "42"), Files.readAllLines(dir.resolve("out/user_ids.txt")));
    assertEquals(List.of("10", "20", "30", "40", "50", "-1"), Files.readAllLines(dir.resolve("out/item_ids.txt")));

    AlsModel plain = model(false);
    Path own = dir.resolve("plain");
    assertEquals(4, FactorExport.write(plain, FactorExport.Format.NPY, own, List.of()).size());
    assertTrue(Files.notExists(own.resolve("user_biases.npy")));
  }

  @Test
  void tsvRowsReadBackToTheSameFloats() throws IOException {
    AlsModel m = model(true);
    FactorExport.write(m, FactorExport.Format.TSV, dir, List.of());
    List<String> lines = Files.readAllLines(dir.resolve("item_factors.tsv"));
    assertEquals("id\tbias\tf0\tf1\tf2", lines.getFirst());
    assertEquals(7, lines.size());
    for (int i = 0; i < 6; i++) {
      String[] f = lines.get(i + 1).split("\t");
      assertEquals(m.items().id(i), f[0]);
      assertEquals(m.factors().itemBias(i), Float.parseFloat(f[1]));
      for (int c = 0; c < 3; c++) {
        assertEquals(m.factors().itemVector(i)[c], Float.parseFloat(f[2 + c]), "item " + i + " f" + c);
      }
    }
    assertEquals("3.5", Files.readString(dir.resolve("global_mean.txt")).strip());
  }

  @Test
  void anIdALineCannotHoldIsRefusedBeforeAnythingIsWritten() {
    FactorModel f = new FactorModel(1, 1, 1, new float[1], new float[1]);
    IdMap u = IdMap.forStrings();
    u.getOrAdd("a\tb");
    IdMap i = IdMap.forStrings();
    i.getOrAdd("x\ny");
    AlsModel m = new AlsModel(f, u, i, new ModelSettings(1, 1f, 1f, Confidence.LINEAR, 1f, 1, 1L));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FactorExport.write(m, FactorExport.Format.NPY, dir.resolve("x"), List.of()));
    assertTrue(e.getMessage().contains("the item id at index 0 holds a line break"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("x")));
    e = assertThrows(IllegalArgumentException.class,
        () -> FactorExport.write(m, FactorExport.Format.TSV, dir.resolve("x"), List.of()));
    assertTrue(e.getMessage().contains("the user id at index 0 holds a tab"), e.getMessage());
  }

  /** NumPy itself loads the arrays, when a python3 with numpy is on the machine. */
  @Test
  void numpyLoadsTheExport() throws Exception {
    boolean numpy;
    try {
      numpy = new ProcessBuilder("python3", "-c", "import numpy").start().waitFor() == 0;
    } catch (IOException e) {
      numpy = false;
    }
    if (!numpy) System.out.println("FactorExportTest: skipped numpyLoadsTheExport: no python3 with numpy");
    Assumptions.assumeTrue(numpy, "python3 with numpy");
    AlsModel m = model(true);
    FactorExport.write(m, FactorExport.Format.NPY, dir, List.of());
    String script = "import numpy as np, sys\n"
        + "d = sys.argv[1]\n"
        + "x = np.load(d + '/user_factors.npy'); y = np.load(d + '/item_factors.npy')\n"
        + "ids = open(d + '/item_ids.txt', encoding='utf-8').read().splitlines()\n"
        + "assert x.dtype == np.float32 and x.shape == (4, 3) and y.shape == (6, 3), (x.shape, y.shape)\n"
        + "assert float(np.load(d + '/global_mean.npy')) == 3.5\n"
        + "print(ids[-1], repr(float(x[2, 1])), repr(float(y[5, 0])))\n";
    Process p = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String[] f = out.split(" ");
    assertEquals("-1", f[0]);
    assertEquals(m.factors().userVector(2)[1], Float.parseFloat(f[1]));
    assertEquals(m.factors().itemVector(5)[0], Float.parseFloat(f[2]));
  }
}
