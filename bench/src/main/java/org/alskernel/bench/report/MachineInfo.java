package org.alskernel.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records the machine a run happened on in {@code machine.properties}, because JMH's JSON does not name
 * the CPU, and the vector width the benchmark forks saw: a fork started with {@code -XX:UseAVX=2} on an
 * AVX-512 machine prefers 256-bit vectors, so the width is read by a child JVM started with the forks'
 * arguments ({@link Probe}), not by this one.
 */
public final class MachineInfo {
  public static final String FILE = "machine.properties";
  /** The SIMD features that decide which kernels HotSpot can emit, in the order they are listed. */
  static final List<String> FLAGS_OF_INTEREST = List.of("sse4_2", "avx", "avx2", "fma", "f16c",
      "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16",
      "amx_bf16", "asimd", "asimdhp", "sve", "sve2");
  private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
  private static final long PROBE_TIMEOUT_SECONDS = 60;

  private MachineInfo() {}

  /** Writes {@code dir/machine.properties}; {@code forkJvmArgs} are the arguments every fork gets. */
  public static void write(Path dir, List<String> forkJvmArgs) throws IOException {
    Files.createDirectories(dir);
    Properties p = describe(forkJvmArgs);
    try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(out, "als-kernel benchmark machine; written by MachineInfo");
    }
  }

  /** Reads {@code dir/machine.properties}; an empty set when the file is absent. */
  public static Properties read(Path dir) throws IOException {
    Properties p = new Properties();
    Path file = dir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
    }
    return p;
  }

  static Properties describe(List<String> forkJvmArgs) {
    Properties p = new Properties();
    p.setProperty("host", hostName());
    p.setProperty("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String cpuinfo = cpuinfo();
    String model = field(cpuinfo, "model name");
    p.setProperty("cpu.model", model.isEmpty() ? System.getProperty("os.arch") : model);
    p.setProperty("cpu.logical.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    p.setProperty("cpu.flags", String.join(" ", flagsOfInterest(cpuinfo)));
    p.setProperty("os.name", System.getProperty("os.name"));
    p.setProperty("os.version", System.getProperty("os.version"));
    p.setProperty("os.arch", System.getProperty("os.arch"));
    p.setProperty("java.vm.name", System.getProperty("java.vm.name"));
    p.setProperty("java.runtime.version", System.getProperty("java.runtime.version"));
    p.setProperty("java.vendor", System.getProperty("java.vendor"));
    p.setProperty("fork.jvm.args", String.join(" ", forkJvmArgs));
    p.putAll(probeVectors(forkJvmArgs));
    return p;
  }

  static int logicalCores(Properties machine) {
    String v = machine.getProperty("cpu.logical.cores");
    return v == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(v.trim());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }

  /** /proc/cpuinfo, or "" where there is none (macOS, Windows): the flags are then left empty. */
  private static String cpuinfo() {
    try {
      Path file = Path.of("/proc/cpuinfo");
      return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The value of the first "name : value" line of /proc/cpuinfo, "" when absent. */
  static String field(String cpuinfo, String name) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  /** x86 lists features under "flags", ARM under "Features". */
  static List<String> flagsOfInterest(String cpuinfo) {
    Set<String> present = new LinkedHashSet<>();
    for (String key : List.of("flags", "Features")) {
      for (String f : field(cpuinfo, key).split("\\s+")) {
        present.add(f);
      }
    }
    List<String> out = new ArrayList<>();
    for (String f : FLAGS_OF_INTEREST) {
      if (present.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Starts this JDK's java with the forks' arguments and the current class path on {@link Probe}, and
   * returns what it printed; on failure, a {@code vector.error} entry saying why.
   */
  static Properties probeVectors(List<String> forkJvmArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(forkJvmArgs);
    if (!forkJvmArgs.contains(VECTOR_MODULE)) {
      cmd.add(VECTOR_MODULE); // the benchmarks add it through @Fork; the probe needs it too
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Probe.class.getName());
    Properties p = new Properties();
    try {
      Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out;
      try (InputStream in = proc.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!proc.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        p.setProperty("vector.error", "probe JVM did not finish in " + PROBE_TIMEOUT_SECONDS + " s");
        return p;
      }
      String text = new String(out, StandardCharsets.UTF_8);
      // stderr is merged in for the failure message, so keep only the probe's own lines
      StringBuilder ours = new StringBuilder();
      for (String line : text.split("\\R")) {
        if (line.startsWith("vector.")) {
          ours.append(line).append('\n');
        }
      }
      p.load(new StringReader(ours.toString()));
      if (proc.exitValue() != 0 || !p.containsKey("vector.float.lanes")) {
        Properties failed = new Properties();
        failed.setProperty("vector.error", "probe exited with " + proc.exitValue() + ": "
            + text.strip().replace('\n', ' '));
        return failed;
      }
    } catch (IOException e) {
      p.setProperty("vector.error", "could not start the probe JVM: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.setProperty("vector.error", "interrupted while probing");
    }
    return p;
  }

  /** Run in a child JVM: prints the preferred species' widths as properties lines. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      var f = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
      var d = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
      System.out.println("vector.float.lanes=" + f.length());
      System.out.println("vector.double.lanes=" + d.length());
      System.out.println("vector.bits=" + f.vectorBitSize());
    }
  }
}
