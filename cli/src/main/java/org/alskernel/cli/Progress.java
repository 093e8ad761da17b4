package org.alskernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alskernel.train.IterationEvent;
import org.alskernel.train.IterationListener;

/**
 * Reports training as it goes and keeps the loss of every iteration for the chart. On a terminal it
 * redraws one line ({@code \r}) with a bar; elsewhere (a file, a pipe, a test) it prints one plain line
 * per iteration, which logs and scripts can read.
 */
final class Progress implements IterationListener {
  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final int total;
  private final boolean withLoss;
  private final boolean bar;
  private final List<Double> losses = new ArrayList<>();
  private int lastWidth;
  private long lastElapsed;

  /** {@code withLoss}: whether the training computes the loss (else only the time is shown). */
  Progress(PrintWriter out, int total, boolean withLoss, boolean bar) {
    this.out = out;
    this.total = total;
    this.withLoss = withLoss;
    this.bar = bar;
  }

  @Override
  public boolean onIteration(IterationEvent e) {
    losses.add(e.loss());
    String loss = withLoss ? String.format(Locale.ROOT, " loss %.3e", e.loss()) : "";
    long start = e.iteration() == 1 ? 0 : lastElapsed; // the event's time counts from the fit's start
    lastElapsed = e.elapsedNanos();
    String status = String.format(Locale.ROOT, "%d/%d%s in %.2f s, %.1f s in all",
        e.iteration(), total, loss, (e.elapsedNanos() - start) / 1e9, e.elapsedNanos() / 1e9);
    if (bar) {
      int filled = (int) ((long) BAR_WIDTH * e.iteration() / total);
      String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + status;
      // pad over the previous line's tail, which may be longer (a shorter elapsed time, say)
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
      out.flush();
    } else {
      out.println("iteration " + status);
    }
    return true;
  }

  /** Ends the redrawn line, so what follows starts on a line of its own. */
  void finish() {
    if (bar && lastWidth > 0) {
      out.println();
    }
  }

  /** Loss after each completed iteration, in order. */
  double[] losses() {
    return losses.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
