package org.alskernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The convergence chart of a training run, loss per iteration, as a standalone SVG written by hand
 * (no plotting library: the tool's only dependency is the argument parser). Axes carry "nice" ticks
 * (1, 2 or 5 times a power of ten); when the losses are large the y labels share one power of ten,
 * shown in the axis title, so they stay short.
 */
final class LossChart {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final int LEFT = 80;
  private static final int RIGHT = 24;
  private static final int TOP = 44;
  private static final int BOTTOM = 56;

  private LossChart() {}

  static void write(Path file, String title, double[] loss) throws IOException {
    Files.writeString(file, svg(title, loss), StandardCharsets.UTF_8);
  }

  static String svg(String title, double[] loss) {
    if (loss.length == 0) throw new IllegalArgumentException("no iterations to plot");
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : loss) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) { // nothing finite to plot: draw empty axes over [0, 1]
      lo = 0;
      hi = 1;
    }
    if (lo == hi) { // a flat line still needs a range
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
      lo -= pad;
      hi += pad;
    }
    double yStep = niceStep((hi - lo) / 6);
    double y0 = Math.floor(lo / yStep) * yStep;
    double y1 = Math.ceil(hi / yStep) * yStep;
    int n = loss.length;
    double x0 = n == 1 ? 0.5 : 1;
    double x1 = n == 1 ? 1.5 : n;
    int xStep = Math.max(1, (int) niceStep((n - 1) / 8.0));

    int exponent = (int) Math.floor(Math.log10(Math.max(Math.abs(y0), Math.abs(y1))));
    boolean scaled = exponent >= 4 || exponent <= -3;
    double unit = scaled ? Math.pow(10, exponent) : 1;
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(yStep / unit) + 1e-9));

    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    DoubleUnaryOperator px = x -> LEFT + (x - x0) / (x1 - x0) * plotW;
    DoubleUnaryOperator py = y -> TOP + (y1 - y) / (y1 - y0) * plotH;

    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
        + " font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<title>").append(escape(title)).append("</title>\n");
    s.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
    s.append(f("<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">%s</text>\n",
        WIDTH / 2, escape(title)));

    s.append("<g stroke=\"#ddd\" stroke-width=\"1\">\n"); // grid, behind everything else
    for (double y = y0; y <= y1 + yStep / 2; y += yStep) {
      s.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", LEFT, py.applyAsDouble(y),
          WIDTH - RIGHT, py.applyAsDouble(y)));
    }
    s.append("</g>\n");

    s.append("<g stroke=\"black\" stroke-width=\"1\">\n");
    s.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
    s.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT,
        HEIGHT - BOTTOM));
    for (int i = 1; i <= n; i += xStep) {
      double x = px.applyAsDouble(i);
      s.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x, HEIGHT - BOTTOM, x,
          HEIGHT - BOTTOM + 5));
    }
    for (double y = y0; y <= y1 + yStep / 2; y += yStep) {
      double v = py.applyAsDouble(y);
      s.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", LEFT - 5, v, LEFT, v));
    }
    s.append("</g>\n");

    s.append("<g fill=\"black\">\n");
    for (int i = 1; i <= n; i += xStep) {
      s.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", px.applyAsDouble(i),
          HEIGHT - BOTTOM + 19, i));
    }
    for (double y = y0; y <= y1 + yStep / 2; y += yStep) {
      String label = String.format(Locale.ROOT, "%." + decimals + "f", y / unit);
      s.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 8,
          py.applyAsDouble(y) + 4, label));
    }
    s.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">iteration</text>\n",
        LEFT + plotW / 2, HEIGHT - 14));
    String yTitle = scaled ? "loss (\u00d7 10^" + exponent + ")" : "loss";
    s.append(f("<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
        TOP + plotH / 2, escape(yTitle)));
    s.append("</g>\n");

    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(loss[i])) continue;
      double x = px.applyAsDouble(i + 1);
      double y = py.applyAsDouble(loss[i]);
      points.append(f("%.1f,%.1f ", x, y));
      dots.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>iteration %d: %.6e</title></circle>\n",
          x, y, i + 1, loss[i]));
    }
    s.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
        .append(points.toString().strip()).append("\"/>\n");
    s.append("<g fill=\"#1f77b4\">\n").append(dots).append("</g>\n");
    s.append("</svg>\n");
    return s.toString();
  }

  /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
    return nice * p;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
