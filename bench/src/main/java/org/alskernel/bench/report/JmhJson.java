package org.alskernel.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's JSON result format (-rf json) into {@link JmhResult}s. */
public final class JmhJson {
  /**
   * The field Suite adds to each result: the index of the JMH run (one set of options) it came from.
   * Not JMH's: a result file written by JMH alone has none.
   */
  public static final String PART = "alskernelSuitePart";

  /** The secondary metric the GC profiler writes: bytes allocated per operation. */
  static final String ALLOC_NORM = "gc.alloc.rate.norm";

  private JmhJson() {}

  static List<JmhResult> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement root = JsonParser.parseReader(in);
      if (!root.isJsonArray()) {
        throw new IOException(file + ": expected a JSON array of JMH results");
      }
      List<JmhResult> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray()) {
        out.add(parse(e.getAsJsonObject()));
      }
      return out;
    }
  }

  static JmhResult parse(JsonObject o) {
    TreeMap<String, String> params = new TreeMap<>();
    if (o.has("params")) {
      for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("params").entrySet()) {
        params.put(p.getKey(), p.getValue().getAsString());
      }
    }
    JsonObject primary = o.getAsJsonObject("primaryMetric");
    return new JmhResult(o.get("benchmark").getAsString(), o.get("mode").getAsString(),
        o.has("threads") ? o.get("threads").getAsInt() : 1, params, number(primary.get("score")),
        number(primary.get("scoreError")), primary.get("scoreUnit").getAsString(), allocNorm(o),
        o.has(PART) ? o.get(PART).getAsInt() : -1);
  }

  /**
   * gc.alloc.rate.norm in B/op. JMH versions differ in how they prefix secondary metrics (older ones
   * write "·gc.alloc.rate.norm"), so keys are compared without leading punctuation.
   */
  private static double allocNorm(JsonObject o) {
    if (!o.has("secondaryMetrics")) {
      return Double.NaN;
    }
    for (Map.Entry<String, JsonElement> m : o.getAsJsonObject("secondaryMetrics").entrySet()) {
      if (stripPrefix(m.getKey()).equals(ALLOC_NORM)) {
        return number(m.getValue().getAsJsonObject().get("score"));
      }
    }
    return Double.NaN;
  }

  static String stripPrefix(String key) {
    int i = 0;
    while (i < key.length() && !Character.isLetterOrDigit(key.charAt(i))) {
      i++;
    }
    return key.substring(i);
  }

  /** JMH writes NaN and infinities as strings; Double.parseDouble reads both spellings. */
  private static double number(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return Double.NaN;
    }
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      return a.isEmpty() ? Double.NaN : number(a.get(0));
    }
    return Double.parseDouble(e.getAsString());
  }
}
