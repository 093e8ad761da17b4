package org.alskernel.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Summary rows looked up by benchmark and params, and listed in a readable order. */
final class RowIndex {
  private final List<SummaryRow> rows;
  private final Map<String, SummaryRow> byKey = new HashMap<>();

  RowIndex(List<SummaryRow> rows) {
    this.rows = rows;
    for (SummaryRow r : rows) {
      byKey.put(r.key(), r);
    }
  }

  List<SummaryRow> all() {
    return rows;
  }

  /** The row of {@code benchmark} with exactly these params, or null. */
  SummaryRow find(String benchmark, Map<String, String> params) {
    return byKey.get(new SummaryRow(benchmark, new TreeMap<>(params), "", 0,
        new SummaryRow.Score(0, 0, ""), 0, new SummaryRow.Speed(0, Estimate.of(0, 0), 0, ""), 0)
        .key());
  }

  SummaryRow find(String benchmark, String... keyValues) {
    Map<String, String> p = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.put(keyValues[i], keyValues[i + 1]);
    }
    return find(benchmark, p);
  }

  /** Rows of one benchmark, sorted by their params (numbers numerically, k last so it varies fastest). */
  List<SummaryRow> of(String benchmark) {
    List<SummaryRow> out = new ArrayList<>();
    for (SummaryRow r : rows) {
      if (r.benchmark().equals(benchmark)) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(SummaryRow::params, RowIndex::compareParams));
    return out;
  }

  static int compareParams(Map<String, String> a, Map<String, String> b) {
    List<String> names = new ArrayList<>(new TreeMap<>(a).keySet());
    names.remove("k");
    names.add("k");
    for (String n : names) {
      int c = compareValues(a.get(n), b.get(n));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int compareValues(String x, String y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    try {
      return Double.compare(Double.parseDouble(x), Double.parseDouble(y));
    } catch (NumberFormatException e) {
      return x.compareTo(y);
    }
  }
}
