package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.alskernel.train.IterationEvent;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void plainLines() {
    StringWriter s = new StringWriter();
    Progress p = new Progress(new PrintWriter(s, true), 15, true, false);
    p.onIteration(new IterationEvent(3, 800_000_000L, 1.234e5));
    p.finish();
    assertEquals("iteration 3/15 loss 1.234e+05 in 0.80 s, 0.8 s in all" + System.lineSeparator(), s.toString());
    assertArrayEquals(new double[] {1.234e5}, p.losses());
  }

  @Test
  void barRedrawsOneLineAndEndsIt() {
    StringWriter s = new StringWriter();
    Progress p = new Progress(new PrintWriter(s, true), 2, true, true);
    p.onIteration(new IterationEvent(1, 12_300_000_000L, 2.0));
    p.onIteration(new IterationEvent(2, 13_300_000_000L, 1.0));
    p.finish();
    String out = s.toString();
    assertTrue(out.startsWith("\r[###############...............] 1/2 loss 2.000e+00 in 12.30 s, 12.3 s in all"), out);
    String second = out.substring(out.lastIndexOf('\r'));
    assertEquals("\r[##############################] 2/2 loss 1.000e+00 in 1.00 s, 13.3 s in all ",
        second.substring(0, second.indexOf(System.lineSeparator())), "padded over the longer first line");
    assertTrue(out.endsWith(System.lineSeparator()));
    assertEquals(out.length() - System.lineSeparator().length(), out.indexOf(System.lineSeparator()),
        "one line, ended once");
  }
}
