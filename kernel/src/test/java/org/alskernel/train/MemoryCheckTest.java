package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alskernel.data.CsrBuilder;
import org.junit.jupiter.api.Test;

/**
 * The memory check's estimate is an upper bound that is not far above the real need: a fit in a heap
 * a little larger than the estimate completes, one in a heap a little smaller is refused up front
 * with the memory message instead of running out of memory. Each runs in a JVM of its own with a
 * fixed region size, since G1 rounds large arrays up to whole regions.
 */
class MemoryCheckTest {
  private static final String REGION = "-XX:G1HeapRegionSize=1m";

  private static String probe(String mode, String... jvmArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-XX:+UseG1GC");
    cmd.add(REGION);
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        MemoryBoundaryProbe.class.getName(), mode));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void aHeapJustAboveTheEstimateTrainsAndOneJustBelowIsRefused() throws Exception {
    String measured = probe("estimate", "-Xmx2g");
    Matcher m = Pattern.compile("used=(\\d+) estimate=(\\d+)").matcher(measured);
    assertTrue(m.find(), measured);
    long used = Long.parseLong(m.group(1));
    long estimate = Long.parseLong(m.group(2));
    long above = (used + estimate * 108 / 100 >> 20) + 1;
    long below = (used + estimate * 92 / 100) >> 20;
    String fit = probe("fit", "-Xmx" + above + "m");
    assertTrue(fit.contains("trained"), "heap " + above + " MB, estimate " + (estimate >> 20)
        + " MB:\n" + fit);
    String refused = probe("fit", "-Xmx" + below + "m");
    assertTrue(refused.contains("refused:") && refused.contains("raise -Xmx"), "heap " + below
        + " MB, estimate " + (estimate >> 20) + " MB:\n" + refused);
  }

  @Test
  void threadCountsBeyondAPoolsLimitAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AlsConfig.builder().threads(AlsConfig.MAX_THREADS + 1).build());
    assertTrue(e.getMessage().contains("threads must be in [1, 32767]"), e.getMessage());
  }

  @Test
  void everyWorkersScratchIsCounted() {
    var m = new CsrBuilder().build(10, 10);
    AlsConfig config = AlsConfig.builder().factors(16).threads(1).build();
    long one = MemoryCheck.estimate(m, config, 16, 16, 1);
    long many = MemoryCheck.estimate(m, config, 16, 16, 300);
    assertTrue(many - one >= 299L * 2 * 4 * 16 * 16 * 16, "per-worker batches counted");
  }
}
