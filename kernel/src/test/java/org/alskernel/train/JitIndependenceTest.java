package org.alskernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bitwise results must not depend on which JIT tier ran the kernels: C1 runs the Vector API's Java
 * fallback, C2 its intrinsics. A float reduction whose order differs between the two (as
 * reduceLanes(ADD) may) would break thread-count determinism in a real run, where threads warm up at
 * different times.
 */
class JitIndependenceTest {

  private static String checksum(String k, String threads, String... jvmArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainingChecksum.class.getName(), k, threads));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    int at = out.indexOf("checksum=");
    assertTrue(at >= 0, out);
    return out.substring(at).trim();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "16", "33"})
  void c1FallbackAndC2IntrinsicsGiveTheSameBits(String k) throws Exception {
    String c1 = checksum(k, "1", "-XX:TieredStopAtLevel=1");
    String c2 = checksum(k, "2", "-XX:-TieredCompilation", "-XX:CompileThreshold=50", "-Xbatch");
    assertEquals(c1, c2);
  }
}
