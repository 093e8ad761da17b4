package org.alskernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider's choice in fresh JVMs, with and without the incubator module and the property. */
class VectorOpsProviderTest {

  private record Run(int exit, String output) {}

  private static Run probe(String... jvmArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ProviderProbe.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  @Test
  void withoutTheModuleFallsBackToScalarAndNamesTheFix() throws Exception {
    Run run = probe();
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("chosen=scalar"), run.output());
    assertTrue(run.output().contains("--add-modules jdk.incubator.vector"), run.output());
  }

  @Test
  void withTheModuleUsesTheVectorApi() throws Exception {
    Run run = probe("--add-modules=jdk.incubator.vector");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("chosen=vector"), run.output());
  }

  @Test
  void propertyForcesScalar() throws Exception {
    Run run = probe("--add-modules=jdk.incubator.vector", "-Dalskernel.simd=scalar");
    assertTrue(run.output().contains("chosen=scalar"), run.output());
  }

  @Test
  void forcingVectorWithoutTheModuleFailsWithTheFix() throws Exception {
    Run run = probe("-Dalskernel.simd=vector");
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("--add-modules jdk.incubator.vector"), run.output());
  }
}
