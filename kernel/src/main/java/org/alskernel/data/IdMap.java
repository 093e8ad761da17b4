package org.alskernel.data;

/**
 * Maps external ids (as written in a data file) to dense indices {@code 0..size()-1}, in first-seen
 * order, and back, so that results can be reported in the file's own ids.
 *
 * <p>Two kinds: {@link #forLongs()} keeps numeric ids in a primitive open-addressing table (no boxing),
 * {@link #forStrings()} keeps arbitrary string ids. Both accept either kind of argument: a numeric map
 * reads a {@code String} argument as a decimal long, a string map reads a {@code long} argument as its
 * decimal string. {@link #id(int)} gives the string form for both kinds; {@link #longId(int)} only
 * works on numeric maps.
 *
 * <p>Not thread-safe: fill it from one thread, then share it read-only.
 */
public abstract sealed class IdMap permits LongIdMap, StringIdMap {
  IdMap() {}

  /** An empty map for numeric (long) ids. */
  public static IdMap forLongs() {
    return new LongIdMap(16);
  }

  /** An empty map for numeric ids, sized to hold {@code expectedIds} without rehashing. */
  public static IdMap forLongs(int expectedIds) {
    return new LongIdMap(expectedIds);
  }

  /** An empty map for string ids. */
  public static IdMap forStrings() {
    return new StringIdMap(16);
  }

  /** The dense index of {@code id}, or -1 when it has not been added. */
  public abstract int indexOf(long id);

  /**
   * The dense index of {@code id}, or -1 when it has not been added (or, for a numeric map, when it is
   * not a decimal long).
   */
  public abstract int indexOf(String id);

  /** The dense index of {@code id}, adding it with the next free index when it is new. */
  public abstract int getOrAdd(long id);

  /**
   * The dense index of {@code id}, adding it with the next free index when it is new.
   *
   * @throws IllegalArgumentException on a numeric map, when {@code id} is not a decimal long
   */
  public abstract int getOrAdd(String id);

  /**
   * The numeric external id at {@code index}.
   *
   * @throws UnsupportedOperationException on a string map
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
   */
  public abstract long longId(int index);

  /** The external id at {@code index} in string form (works for both kinds). */
  public abstract String id(int index);

  /** Number of distinct ids added. */
  public abstract int size();

  /** True for a map created by {@link #forLongs()}. */
  public abstract boolean isNumeric();

  @Override
  public String toString() {
    return (isNumeric() ? "IdMap[long, " : "IdMap[string, ") + size() + " ids]";
  }
}
