package org.alskernel.bench.report;

/** The parts every chart shares: title, y axis with grid lines and tick labels, the x axis line. */
final class ChartFrame {
  private ChartFrame() {}

  /** Enough width for a title in 15 px type, so that it is never clipped on the right. */
  static int widthFor(String title, int wanted) {
    return Math.max(wanted, 40 + (int) Math.ceil(title.length() * 8.5));
  }

  static void draw(Svg svg, String title, String yLabel, Axis y, double left, double right,
      double top, double bottom) {
    svg.text(20, 24, title, "start", 15, 0); // left-aligned: a long title never runs off the left edge
    for (double t : y.ticks()) {
      double py = y.pixel(t);
      svg.line(left, py, right, py, "#dddddd", 1, false);
      svg.text(left - 6, py + 4, Fmt.tick(t), "end", 11, 0);
    }
    svg.line(left, top, left, bottom, "#333333", 1, false);
    svg.line(left, bottom, right, bottom, "#333333", 1, false);
    svg.text(left - 52, (top + bottom) / 2, yLabel, "middle", 12, -90);
  }
}
