package org.alskernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed in aligned columns: the first column left-aligned (names, ids), the others
 * right-aligned (numbers), two spaces apart.
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  void print(PrintWriter out) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], r[c].length());
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) line.append("  ");
        String pad = " ".repeat(width[c] - r[c].length());
        line.append(c == 0 ? r[c] + pad : pad + r[c]);
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
