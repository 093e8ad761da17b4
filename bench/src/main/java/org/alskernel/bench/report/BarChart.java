package org.alskernel.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars: one group per label on the x axis, one coloured bar per series inside it, error bars,
 * and a dashed line at a reference value (1× for speedups, 100% for shares of peak). Group labels are
 * slanted so that long benchmark names stay readable.
 */
final class BarChart {
  private static final double MIN_LEFT = 70;
  private static final double TOP = 45;
  private static final double PLOT_HEIGHT = 330;

  private BarChart() {}

  /**
   * @param values values[series][group]; a NaN value leaves a gap
   * @param logScale a log10 axis (bars start at the axis floor)
   */
  static String render(String title, String yLabel, List<String> groups, List<String> series,
      Estimate[][] values, boolean logScale, double reference, String referenceName) {
    double groupWidth = Math.max(40, 14.0 * series.size() + 16);
    double plotWidth = Math.max(300, groupWidth * groups.size());
    int longest = 0;
    for (String g : groups) {
      longest = Math.max(longest, g.length());
    }
    // a label slanted at 45° reaches ~0.72 of its length down and to the left of its group
    double labelDepth = 6.2 * longest * 0.72 + 20;
    double left = Math.max(MIN_LEFT, labelDepth - groupWidth / 2);
    int longestSeries = 0;
    for (String s : series) {
      longestSeries = Math.max(longestSeries, s.length());
    }
    double bottom = TOP + PLOT_HEIGHT;
    double right = left + plotWidth;
    int width = ChartFrame.widthFor(title, (int) Math.ceil(right + 50 + 7.2 * longestSeries));
    int height = (int) Math.ceil(bottom + labelDepth + 20);
    double low = reference;
    double high = reference;
    for (Estimate[] row : values) {
      for (Estimate e : row) {
        if (e != null && e.known()) {
          low = Math.min(low, e.value());
          high = Math.max(high, e.value() + (Double.isFinite(e.error()) ? e.error() : 0));
        }
      }
    }
    Axis y = logScale ? Axis.logarithmic(low, high, bottom, TOP) : Axis.linear(high * 1.05, bottom, TOP);
    Svg svg = new Svg(width, height);
    ChartFrame.draw(svg, title, yLabel, y, left, right, TOP, bottom);
    double barWidth = (groupWidth - 12) / Math.max(1, series.size());
    double base = y.pixel(y.min);
    for (int g = 0; g < groups.size(); g++) {
      double x0 = left + g * groupWidth + 6;
      for (int s = 0; s < series.size(); s++) {
        Estimate e = values[s][g];
        if (e == null || !e.known()) {
          continue;
        }
        double bx = x0 + s * barWidth;
        double top = y.pixel(e.value());
        svg.rect(bx + 1, top, barWidth - 2, base - top, Svg.colour(s));
        if (Double.isFinite(e.error()) && e.error() > 0) {
          double lowErr = Math.max(e.value() - e.error(), y.min);
          svg.errorBar(bx + barWidth / 2, y.pixel(lowErr), y.pixel(e.value() + e.error()), "#222222");
        }
      }
      double cx = x0 + (groupWidth - 12) / 2;
      svg.text(cx, bottom + 14, groups.get(g), "end", 11, -45);
    }
    svg.line(left, y.pixel(reference), right, y.pixel(reference), "#555555", 1.5, true);
    svg.text(right - 4, y.pixel(reference) - 5, referenceName, "end", 11, 0);
    List<String> colours = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      colours.add(Svg.colour(s));
    }
    svg.legend(right + 20, TOP + 10, series, colours);
    return svg.finish();
  }
}
