package org.alskernel.bench.report;

/** The parts every chart shares: title, y axis with grid lines and tick labels, the x axis line. */
final class ChartFrame {
  private ChartFrame() {}

  static void draw(Svg svg, String title, String yLabel, Axis y, double left, double right,
      double top, double bottom) {
    svg.text((left + right) / 2, 24, title, "middle", 15, 0);
    for (double t : y.ticks()) {
      double py = y.pixel(t);
      svg.line(left, py, right, py, "#dddddd", 1, false);
      svg.text(left - 6, py + 4, Fmt.num(t), "end", 11, 0);
    }
    svg.line(left, top, left, bottom, "#333333", 1, false);
    svg.line(left, bottom, right, bottom, "#333333", 1, false);
    svg.text(18, (top + bottom) / 2, yLabel, "middle", 12, -90);
  }
}
