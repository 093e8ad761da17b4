package org.alskernel.bench.report;

import java.util.Map;

/**
 * Shapes of the matrices behind the sweep benchmarks' {@code data} parameter (see BenchDatasets), kept
 * here so that flop counts need neither the files nor minutes of generation. DatasetShapesTest holds
 * them to the generators and, when present, to the real files.
 */
final class DatasetShapes {
  private DatasetShapes() {}

  /** Users (rows) × items (columns) with nnz interactions. */
  record Shape(long users, long items, long nnz) {}

  static final Map<String, Shape> BY_NAME = Map.of(
      "synthetic-5m", new Shape(100_000, 20_000, 5_000_000),
      "ml20m-shape", new Shape(138_493, 26_744, 20_000_263),
      "ml-100k", new Shape(943, 1_682, 100_000),
      "lastfm", new Shape(1_892, 17_632, 92_834));

  /** The shape of a dataset, or null for a name this table does not know. */
  static Shape of(String name) {
    return name == null ? null : BY_NAME.get(name);
  }
}
