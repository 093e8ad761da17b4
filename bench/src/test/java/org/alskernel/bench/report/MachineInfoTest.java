package org.alskernel.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInfoTest {
  private static final String CPUINFO = """
      processor\t: 0
      vendor_id\t: GenuineIntel
      model name\t: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz
      flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512vl avx512_bf16 sha_ni
      """;

  @Test
  void readsModelAndFlagsOfInterest() {
    assertEquals("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", MachineInfo.field(CPUINFO, "model name"));
    assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512_bf16"),
        MachineInfo.flagsOfInterest(CPUINFO));
    assertEquals(List.of(), MachineInfo.flagsOfInterest(""));
  }

  @Test
  void writesTheFileWithTheForkVectorWidths(@TempDir Path dir) throws Exception {
    MachineInfo.write(dir, List.of("-Xmx64m"));
    Properties p = MachineInfo.read(dir);
    assertNull(p.getProperty("vector.error"), p.getProperty("vector.error"));
    int floatLanes = Integer.parseInt(p.getProperty("vector.float.lanes"));
    assertEquals(2 * Integer.parseInt(p.getProperty("vector.double.lanes")), floatLanes);
    assertEquals(32 * floatLanes, Integer.parseInt(p.getProperty("vector.bits")));
    assertEquals("-Xmx64m", p.getProperty("fork.jvm.args"));
    assertEquals(Runtime.getRuntime().availableProcessors(), MachineInfo.logicalCores(p));
    assertFalse(p.getProperty("cpu.model").isEmpty());
  }
}
