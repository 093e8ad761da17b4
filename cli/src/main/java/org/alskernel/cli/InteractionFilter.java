package org.alskernel.cli;

import org.alskernel.data.Interactions;

/**
 * Keeps the entries whose value reaches a threshold and optionally sets their value to 1: the usual
 * way to read explicit ratings as implicit feedback (docs/quality.md uses ratings >= 4 as 1). The id
 * maps are kept whole, so every user and item of the file stays addressable by its id.
 */
final class InteractionFilter {
  private InteractionFilter() {}

  static Interactions apply(Interactions data, Float minValue, boolean binary) {
    float[] value = data.value();
    int n = data.size();
    int kept = 0;
    for (int e = 0; e < n; e++) {
      if (minValue == null || value[e] >= minValue) kept++;
    }
    int[] users = new int[kept];
    int[] items = new int[kept];
    float[] values = new float[kept];
    long[] times = data.hasTimestamps() ? new long[kept] : null;
    int j = 0;
    for (int e = 0; e < n; e++) {
      if (minValue != null && !(value[e] >= minValue)) continue;
      users[j] = data.userIndex()[e];
      items[j] = data.itemIndex()[e];
      values[j] = binary ? 1f : value[e];
      if (times != null) times[j] = data.timestamp()[e];
      j++;
    }
    return new Interactions(data.users(), data.items(), users, items, values, times);
  }
}
