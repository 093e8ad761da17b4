package org.alskernel.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The entry point of {@code als.jar}: runs {@link Cli} on the process's streams and exits with its code. */
public final class Main {
  /** Held so the logging configuration is not collected with a weakly referenced logger. */
  private static final Logger KERNEL_LOG = Logger.getLogger("org.alskernel");

  private Main() {}

  public static void main(String[] args) {
    quietKernelLogging();
    int code = Cli.run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * The kernel logs through System.Logger, which the JDK prints as two lines with a date. A command
   * line tool should only speak up when something matters, so only warnings pass, on one line (the
   * scalar-fallback warning, which names the missing --add-modules flag, is one of them).
   */
  private static void quietKernelLogging() {
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        return "als: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
            + formatMessage(r) + System.lineSeparator();
      }
    });
    KERNEL_LOG.setUseParentHandlers(false);
    KERNEL_LOG.addHandler(handler);
    KERNEL_LOG.setLevel(Level.WARNING);
  }
}
