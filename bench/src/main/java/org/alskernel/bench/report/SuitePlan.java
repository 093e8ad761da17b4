package org.alskernel.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a Suite run asked JMH for, kept in {@code suite.properties} beside the results: the profile
 * and each part's include patterns. With it the report tells a benchmark that failed from one the
 * profile never asked for, and a smoke run from a measurement. A folder without the file (a plain JMH
 * run) has no plan: every benchmark of the jar is then expected.
 *
 * @param profile {@code smoke}, {@code quick}, {@code full}, or null without a plan
 * @param includes the include patterns of each part, in part order
 */
public record SuitePlan(String profile, List<List<String>> includes) {
  public static final String FILE = "suite.properties";
  static final SuitePlan NONE = new SuitePlan(null, List.of());

  public SuitePlan {
    includes = List.copyOf(includes);
  }

  boolean known() {
    return profile != null;
  }

  boolean smoke() {
    return "smoke".equals(profile);
  }

  /** Whether some part asked for {@code benchmark} (a fully qualified class.method); true without a plan. */
  boolean asked(String benchmark) {
    if (!known()) return true;
    for (List<String> part : includes) {
      for (String regex : part) {
        if (Pattern.compile(regex).matcher(benchmark).find()) return true; // as JMH matches them
      }
    }
    return false;
  }

  public void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("profile", profile);
    p.setProperty("parts", Integer.toString(includes.size()));
    for (int i = 0; i < includes.size(); i++) {
      p.setProperty("part." + i + ".include", String.join("\n", includes.get(i)));
    }
    try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(out, "what the benchmark suite asked JMH for; written by Suite");
    }
  }

  /** The plan in {@code dir}, or {@link #NONE}. */
  public static SuitePlan read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) return NONE;
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    List<List<String>> includes = new ArrayList<>();
    int parts = Integer.parseInt(p.getProperty("parts", "0"));
    for (int i = 0; i < parts; i++) {
      includes.add(List.of(p.getProperty("part." + i + ".include", "").split("\n")));
    }
    return new SuitePlan(p.getProperty("profile", "unknown"), includes);
  }
}
