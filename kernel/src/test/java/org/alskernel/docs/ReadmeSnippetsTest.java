package org.alskernel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alskernel.testing.SharedDatasets;
import org.alskernel.train.AlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets, as a reader would paste them: in order, into one {@code main} method of
 * a class with the imports the README lists. They must compile against the kernel alone, and, with
 * the datasets present, run from a folder laid out as the README says (datasets beside it) and print
 * what the README shows.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

  @TempDir Path dir;

  @Test
  void snippetsCompileAsPastedAndRunAsShown() throws Exception {
    String readme = Files.readString(DocsTest.root().resolve("README.md"));
    List<String> imports = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    Matcher m = JAVA_BLOCK.matcher(readme);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      for (String line : m.group(1).split("\n")) {
        if (line.startsWith("import ")) imports.add(line);
        else body.append("    ").append(line).append('\n');
      }
    }
    assertTrue(blocks >= 6, "found " + blocks + " java blocks");
    assertTrue(imports.size() >= 10, "the README lists the imports: " + imports);
    String source = String.join("\n", imports) + "\n\npublic class ReadmeProgram {\n"
        + "  public static void main(String[] args) throws Exception {\n" + body + "  }\n}\n";
    Path src = Files.writeString(dir.resolve("ReadmeProgram.java"), source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String kernel = Path.of(AlsConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();

    // the JDK's javac, as a reader compiles (the test itself runs inside the kernel's module)
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Process javac = new ProcessBuilder(bin.resolve("javac").toString(), "-d", classes.toString(), "-cp",
        kernel, "--add-modules", "jdk.incubator.vector", "-proc:none", "-Xlint:-incubating",
        src.toString()).redirectErrorStream(true).start();
    String messages = new String(javac.getInputStream().readAllBytes());
    assertTrue(javac.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, javac.exitValue(), "the README's snippets do not compile:\n" + messages + "\n"
        + numbered(source));

    Optional<Path> datasets = SharedDatasets.root();
    if (datasets.isEmpty()) {
      SharedDatasets.require("ml-100k/u.data"); // skips with a message
    }
    // the README runs from the repository root, with the datasets in ../shared/datasets
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.createDirectories(dir.resolve("shared"));
    Files.createSymbolicLink(dir.resolve("shared/datasets"), datasets.get());
    Process p = new ProcessBuilder(bin.resolve("java").toString(), "--add-modules", "jdk.incubator.vector", "-cp",
        kernel + java.io.File.pathSeparator + classes, "ReadmeProgram")
        .directory(work.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "still running:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("943 users x 1682 items, 100000 interactions"), out);
    assertTrue(readme.contains("// 943 users x 1682 items, 100000 interactions"), "the README shows it");
    assertTrue(out.contains("iteration 10  loss "), out);
    assertTrue(!out.contains(" -"), "a negative time per iteration:\n" + out);
    Matcher ndcg = Pattern.compile("nDCG@10: ALS (0\\.\\d{4}), popularity (0\\.\\d{4})").matcher(out);
    assertTrue(ndcg.find(), out);
    assertTrue(Double.parseDouble(ndcg.group(1)) > Double.parseDouble(ndcg.group(2)), "ALS beats popularity");
    // the losses the README shows are the ones the program prints (the times vary)
    Matcher shown = Pattern.compile("(?m)^(iteration +\\d+  loss \\S+) ").matcher(readme);
    int losses = 0;
    while (shown.find()) {
      losses++;
      assertTrue(out.contains(shown.group(1)), "the README shows " + shown.group(1) + "; the program printed\n" + out);
    }
    assertTrue(losses >= 2, "the README shows the loss lines");
    assertTrue(Files.isRegularFile(work.resolve("model.als")), "the snippet saves model.als");
    System.out.println("README program output:\n" + out);
  }

  private static String numbered(String source) {
    StringBuilder b = new StringBuilder();
    String[] lines = source.split("\n");
    for (int j = 0; j < lines.length; j++) b.append(j + 1).append(": ").append(lines[j]).append('\n');
    return b.toString();
  }
}
