package org.alskernel.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Up to {@link #ROWS} rows of one side's factor table packed into arrays, the unit the blocked top-n
 * scores: ids, their k factors back to back, and their biases (null when the model has none).
 */
record FactorChunk(long[] ids, float[] factors, float[] biases) implements Serializable {
  static final int ROWS = 4096;

  int size() {
    return ids.length;
  }

  /** A partition of factor-table rows (id, features[, bias]) as chunks. */
  static Iterator<FactorChunk> chunks(Iterator<Row> rows, int k, boolean biased) {
    List<FactorChunk> chunks = new ArrayList<>();
    List<Row> pending = new ArrayList<>(ROWS);
    while (rows.hasNext()) {
      pending.add(rows.next());
      if (pending.size() == ROWS || !rows.hasNext()) {
        chunks.add(of(pending, k, biased));
        pending.clear();
      }
    }
    return chunks.iterator();
  }

  /** Factor-table rows (id, features[, bias]) packed into one chunk, in their order. */
  static FactorChunk of(List<Row> rows, int k, boolean biased) {
    long[] ids = new long[rows.size()];
    float[] factors = new float[rows.size() * k];
    float[] biases = biased ? new float[rows.size()] : null;
    for (int r = 0; r < ids.length; r++) {
      Row row = rows.get(r);
      ids[r] = row.getLong(0);
      List<Float> features = row.getList(1);
      for (int c = 0; c < k; c++) {
        factors[r * k + c] = features.get(c);
      }
      if (biased) {
        biases[r] = row.getFloat(2);
      }
    }
    return new FactorChunk(ids, factors, biases);
  }
}
