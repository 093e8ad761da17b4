package org.alskernel.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Values by a numeric x (k) for a few series, with error bars and optional dashed reference lines
 * (the measured peaks). x values are placed evenly, by rank, since k grows roughly geometrically.
 */
final class LineChart {
  /** One curve: points (x, estimate). */
  record Series(String name, List<Double> xs, List<Estimate> ys) {}

  /** A horizontal dashed line, e.g. a peak. */
  record Reference(String name, double y) {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;
  private static final double LEFT = 70;
  private static final double RIGHT = 540;
  private static final double TOP = 45;
  private static final double BOTTOM = 380;

  private LineChart() {}

  static String render(String title, String xLabel, String yLabel, List<Series> series,
      List<Reference> references) {
    TreeSet<Double> allX = new TreeSet<>();
    double top = 0;
    for (Series s : series) {
      allX.addAll(s.xs());
      for (Estimate e : s.ys()) {
        top = Math.max(top, e.value() + (Double.isFinite(e.error()) ? e.error() : 0));
      }
    }
    for (Reference r : references) {
      top = Math.max(top, r.y());
    }
    List<Double> xs = new ArrayList<>(allX);
    Svg svg = new Svg(ChartFrame.widthFor(title, WIDTH), HEIGHT);
    Axis y = Axis.linear(top * 1.05, BOTTOM, TOP);
    ChartFrame.draw(svg, title, yLabel, y, LEFT, RIGHT, TOP, BOTTOM);
    double slot = (RIGHT - LEFT) / Math.max(1, xs.size());
    for (int i = 0; i < xs.size(); i++) {
      svg.text(LEFT + slot * (i + 0.5), BOTTOM + 18, Fmt.tick(xs.get(i)), "middle", 11, 0);
    }
    svg.text((LEFT + RIGHT) / 2, BOTTOM + 40, xLabel, "middle", 12, 0);
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int si = 0; si < series.size(); si++) {
      Series s = series.get(si);
      String c = Svg.colour(si);
      double[] px = new double[s.xs().size()];
      double[] py = new double[px.length];
      for (int p = 0; p < px.length; p++) {
        px[p] = LEFT + slot * (xs.indexOf(s.xs().get(p)) + 0.5);
        Estimate e = s.ys().get(p);
        py[p] = y.pixel(e.value());
        if (Double.isFinite(e.error()) && e.error() > 0) {
          svg.errorBar(px[p], y.pixel(e.value() - e.error()), y.pixel(e.value() + e.error()), c);
        }
        svg.circle(px[p], py[p], 3.5, c);
      }
      svg.polyline(px, py, c);
      names.add(s.name());
      colours.add(c);
    }
    for (Reference r : references) {
      svg.line(LEFT, y.pixel(r.y()), RIGHT, y.pixel(r.y()), "#888888", 1.5, true);
      svg.text(RIGHT - 4, y.pixel(r.y()) - 5, r.name(), "end", 11, 0);
    }
    svg.legend(RIGHT + 20, TOP + 10, names, colours);
    return svg.finish();
  }
}
