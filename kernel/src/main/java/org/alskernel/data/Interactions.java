package org.alskernel.data;

import java.util.Objects;

/**
 * A list of (user, item, value[, timestamp]) entries with dense indices, plus the {@link IdMap}s that
 * turn those indices back into the source's own ids. This is what the readers in {@code
 * org.alskernel.io} return.
 *
 * <p>Entries keep the source's order and duplicates; {@link #toCsr()} sums duplicates. Timestamps are
 * kept (when the source has them) because temporal train/test splits need them. The arrays are
 * exactly {@link #size()} long and are shared, not copied: callers must not modify them.
 */
public final class Interactions {
  private final IdMap users;
  private final IdMap items;
  private final int[] userIndex;
  private final int[] itemIndex;
  private final float[] value;
  private final long[] timestamp;

  /**
   * Wraps the given arrays after checking them.
   *
   * @param timestamp per-entry timestamps, or null when the source has none
   * @throws IllegalArgumentException if the arrays differ in length, an index is outside its id map,
   *     or a value is NaN or infinite
   */
  public Interactions(
      IdMap users, IdMap items, int[] userIndex, int[] itemIndex, float[] value, long[] timestamp) {
    this.users = Objects.requireNonNull(users, "users");
    this.items = Objects.requireNonNull(items, "items");
    this.userIndex = Objects.requireNonNull(userIndex, "userIndex");
    this.itemIndex = Objects.requireNonNull(itemIndex, "itemIndex");
    this.value = Objects.requireNonNull(value, "value");
    this.timestamp = timestamp;
    int n = userIndex.length;
    if (itemIndex.length != n || value.length != n || (timestamp != null && timestamp.length != n)) {
      throw new IllegalArgumentException(
          "array lengths differ: userIndex " + n + ", itemIndex " + itemIndex.length + ", value "
              + value.length + (timestamp == null ? "" : ", timestamp " + timestamp.length));
    }
    int userCount = users.size();
    int itemCount = items.size();
    for (int e = 0; e < n; e++) {
      int u = userIndex[e];
      int i = itemIndex[e];
      if (u < 0 || u >= userCount || i < 0 || i >= itemCount || !Float.isFinite(value[e])) {
        throw new IllegalArgumentException(
            "entry " + e + " (user index " + u + " of " + userCount + ", item index " + i + " of "
                + itemCount + ", value " + value[e] + ") is out of range or not finite");
      }
    }
  }

  public IdMap users() {
    return users;
  }

  public IdMap items() {
    return items;
  }

  /** Dense user index of each entry (shared, do not modify). */
  public int[] userIndex() {
    return userIndex;
  }

  /** Dense item index of each entry (shared, do not modify). */
  public int[] itemIndex() {
    return itemIndex;
  }

  /** Value of each entry (shared, do not modify). */
  public float[] value() {
    return value;
  }

  /** Timestamp of each entry as written in the source, or null when it has none (shared). */
  public long[] timestamp() {
    return timestamp;
  }

  public boolean hasTimestamps() {
    return timestamp != null;
  }

  /** Number of entries, duplicates included. */
  public int size() {
    return userIndex.length;
  }

  /**
   * A {@code users().size() × items().size()} matrix; duplicate (user, item) entries are summed, in
   * source order (see {@link CsrBuilder}).
   */
  public CsrMatrix toCsr() {
    int n = size();
    CsrBuilder builder = new CsrBuilder(n);
    for (int e = 0; e < n; e++) {
      builder.add(userIndex[e], itemIndex[e], value[e]);
    }
    return builder.build(users.size(), items.size());
  }

  /**
   * The entries whose value is at least {@code minValue} (the usual way to read explicit ratings as
   * implicit feedback, e.g. ratings ≥ 4), with the same id maps, so every user and item of the source
   * stays addressable by its id.
   *
   * @throws IllegalArgumentException if {@code minValue} is NaN
   */
  public Interactions atLeast(float minValue) {
    if (Float.isNaN(minValue)) {
      throw new IllegalArgumentException("the minimum value must be a number, got NaN");
    }
    return select(minValue, false);
  }

  /** The same entries with value 1 (for implicit feedback that counts only presence). */
  public Interactions binary() {
    return select(Float.NEGATIVE_INFINITY, true);
  }

  private Interactions select(float minValue, boolean one) {
    int n = size();
    int kept = 0;
    for (int e = 0; e < n; e++) {
      if (value[e] >= minValue) {
        kept++;
      }
    }
    int[] u = new int[kept];
    int[] i = new int[kept];
    float[] v = new float[kept];
    long[] t = timestamp == null ? null : new long[kept];
    for (int e = 0, j = 0; e < n; e++) {
      if (value[e] >= minValue) {
        u[j] = userIndex[e];
        i[j] = itemIndex[e];
        v[j] = one ? 1f : value[e];
        if (t != null) {
          t[j] = timestamp[e];
        }
        j++;
      }
    }
    return new Interactions(users, items, u, i, v, t);
  }

  @Override
  public String toString() {
    return "Interactions[" + size() + " entries, " + users.size() + " users, " + items.size()
        + " items" + (hasTimestamps() ? ", with timestamps]" : "]");
  }
}
