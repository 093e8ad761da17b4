package org.alskernel.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;

/** String ids in a {@link HashMap}; string ids are the slow path anyway (one String per field). */
final class StringIdMap extends IdMap {
  private final HashMap<String, Integer> indices;
  private final ArrayList<String> ids;

  StringIdMap(int expectedIds) {
    indices = HashMap.newHashMap(expectedIds);
    ids = new ArrayList<>(expectedIds);
  }

  @Override
  public int indexOf(long id) {
    return indexOf(Long.toString(id));
  }

  @Override
  public int indexOf(String id) {
    Integer index = indices.get(id);
    return index == null ? -1 : index;
  }

  @Override
  public int getOrAdd(long id) {
    return getOrAdd(Long.toString(id));
  }

  @Override
  public int getOrAdd(String id) {
    Objects.requireNonNull(id, "id");
    Integer index = indices.putIfAbsent(id, ids.size());
    if (index != null) return index;
    ids.add(id);
    return ids.size() - 1;
  }

  @Override
  public long longId(int index) {
    throw new UnsupportedOperationException("string ids: use id(int) instead of longId(int)");
  }

  @Override
  public String id(int index) {
    return ids.get(Objects.checkIndex(index, ids.size()));
  }

  @Override
  public int size() {
    return ids.size();
  }

  @Override
  public boolean isNumeric() {
    return false;
  }
}
