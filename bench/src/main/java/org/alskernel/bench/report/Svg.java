package org.alskernel.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A minimal writer of standalone SVG 1.1: the few shapes the report's charts draw, with text escaped
 * so that any benchmark or CPU name yields well-formed XML.
 */
final class Svg {
  /** Colour-blind-safe (Okabe–Ito), distinct in greyscale print too. */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
      "#56B4E9", "#F0E442", "#000000");

  private final StringBuilder sb = new StringBuilder();

  Svg(int width, int height) {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n")
        .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" fill=\"white\"/>\n");
  }

  static String colour(int i) {
    return PALETTE.get(i % PALETTE.size());
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    sb.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"")
        .append(f(x2)).append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(f(width)).append('"')
        .append(dashed ? " stroke-dasharray=\"5,4\"" : "").append("/>\n");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String fill) {
    sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
        .append(f(Math.max(w, 0))).append("\" height=\"").append(f(Math.max(h, 0)))
        .append("\" fill=\"").append(fill).append("\"/>\n");
    return this;
  }

  Svg circle(double x, double y, double r, String fill) {
    sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"")
        .append(f(r)).append("\" fill=\"").append(fill).append("\"/>\n");
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String stroke) {
    sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      sb.append(i == 0 ? "" : " ").append(f(xs[i])).append(',').append(f(ys[i]));
    }
    sb.append("\"/>\n");
    return this;
  }

  /** Text anchored "start", "middle" or "end" at (x, y), rotated by {@code degrees} about that point. */
  Svg text(double x, double y, String text, String anchor, int size, double degrees) {
    sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"")
        .append(anchor).append("\" font-size=\"").append(size).append('"');
    if (degrees != 0) {
      sb.append(" transform=\"rotate(").append(f(degrees)).append(' ').append(f(x)).append(' ')
          .append(f(y)).append(")\"");
    }
    sb.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  /** A vertical error bar with caps, from y1 to y2. */
  Svg errorBar(double x, double y1, double y2, String stroke) {
    line(x, y1, x, y2, stroke, 1, false);
    line(x - 3, y1, x + 3, y1, stroke, 1, false);
    return line(x - 3, y2, x + 3, y2, stroke, 1, false);
  }

  /** A legend of coloured squares, one entry per line, from (x, y). */
  Svg legend(double x, double y, List<String> names, List<String> colours) {
    for (int i = 0; i < names.size(); i++) {
      rect(x, y + 18 * i - 10, 12, 12, colours.get(i));
      text(x + 18, y + 18 * i, names.get(i), "start", 12, 0);
    }
    return this;
  }

  String finish() {
    return sb + "</svg>\n";
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            out.append(c); // control characters are not allowed in XML 1.0 at all
          }
        }
      }
    }
    return out.toString();
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
