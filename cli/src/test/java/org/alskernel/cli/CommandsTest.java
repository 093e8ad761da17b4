package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alskernel.model.AlsModel;
import org.alskernel.store.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every command end to end on the two-group synthetic file, sharing one trained model. */
class CommandsTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;
  static CliRun training;

  @BeforeAll
  static void train() throws Exception {
    data = SyntheticFiles.uData(dir);
    model = dir.resolve("m.alsm");
    training = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model,
        "--chart", dir.resolve("loss.svg"))).ok();
  }

  @Test
  void trainReportsEachIterationAndWritesALoadableModel() throws Exception {
    assertEquals("", training.out(), "train's result is the model file; its messages go to stderr");
    assertTrue(training.err().contains("60 users, 40 items"), training.err());
    for (int i = 1; i <= 5; i++) {
      assertTrue(Pattern.compile("(?m)^iteration " + i + "/5 loss \\d\\.\\d{3}e[+-]\\d{2} in \\d+\\.\\d\\d s, \\d+\\.\\d s in all$")
          .matcher(training.err()).find(), training.err());
    }
    assertFalse(training.err().contains("\r"), "no progress bar off a terminal");
    AlsModel m = ModelFile.load(model);
    assertEquals(60, m.userCount());
    assertEquals(40, m.itemCount());
    assertEquals(8, m.factors().k());
    assertEquals("101", m.items().id(m.items().indexOf("101")));
  }

  @Test
  void conjugateGradientTrainingSaysSoAndWritesAModel() throws Exception {
    Path cgModel = dir.resolve("cg.alsm");
    CliRun run = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", cgModel,
        "--cg-steps", "3")).ok();
    assertTrue(run.err().contains("conjugate gradient (3 steps)"), run.err());
    assertEquals(60, ModelFile.load(cgModel).userCount());
    Path named = dir.resolve("cg-named.alsm");
    CliRun byName = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", named,
        "--solver", "cg")).ok();
    assertTrue(byName.err().contains("conjugate gradient (3 steps)"), byName.err());
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(cgModel), Files.readAllBytes(named)));
    String err = CliRun.of(fast("train", data, "--format", "ml-100k", "--model", named,
        "--solver", "lu")).fails(2).err();
    assertTrue(err.contains("--solver must be one of cholesky, cg"), err);
  }

  @Test
  void chartIsWellFormedSvgWithOnePointPerIteration() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document svg = f.newDocumentBuilder().parse(dir.resolve("loss.svg").toFile());
    assertEquals("svg", svg.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
    assertEquals(5, svg.getElementsByTagName("circle").getLength());
    assertEquals(1, svg.getElementsByTagName("polyline").getLength());
    String text = Files.readString(dir.resolve("loss.svg"));
    assertTrue(text.contains(">iteration</text>") && text.contains("loss"), "axis titles");
  }

  @Test
  void recommendGivesItemsOfTheUsersOwnGroupInFileIds() {
    CliRun run = CliRun.of("recommend", "--model", model, "--user", "3", "-n", 5).ok();
    List<String> items = firstColumn(run.out());
    assertEquals(5, items.size(), run.out());
    for (String id : items) {
      assertTrue(id.matches("1\\d\\d"), "user 3 is in the 1xx group, got " + id + "\n" + run.out());
    }
  }

  @Test
  void recommendWithDataLeavesOutTheUsersItems() throws Exception {
    CliRun run = CliRun.of("recommend", "--model", model, "--user", "3", "-n", 40, "--data", data,
        "--format", "ml-100k").ok();
    List<String> items = firstColumn(run.out());
    List<String> seen = Files.readAllLines(data).stream().filter(l -> l.startsWith("3\t"))
        .map(l -> l.split("\t")[1]).toList();
    assertEquals(10, seen.size());
    assertTrue(run.err().contains("leaving out the 10 items user 3 has"), run.err());
    assertEquals(30, items.size(), "40 items minus the 10 seen");
    for (String id : seen) assertFalse(items.contains(id), id + " was seen");
  }

  @Test
  void similarItemsAndUsersStayInTheirGroup() {
    List<String> items = firstColumn(CliRun.of("similar", "--model", model, "--item", "205", "-n", 5).ok().out());
    assertEquals(5, items.size());
    assertFalse(items.contains("205"), "an item is not its own neighbour");
    items.forEach(id -> assertTrue(id.matches("2\\d\\d"), items.toString()));

    List<String> users = firstColumn(CliRun.of("similar", "--model", model, "--user", "45", "-n", 5).ok().out());
    assertEquals(5, users.size());
    users.forEach(id -> assertTrue(Integer.parseInt(id) > 30, users.toString()));
  }

  @Test
  void evaluatePrintsAnAlignedTableForEverySplit() {
    for (String split : new String[] {"random", "per-user", "temporal", "leave-k-out"}) {
      CliRun run = CliRun.of(fast("evaluate", data, "--format", "ml-100k", "--split", split, "--at", 5,
          "--leave-out", 2)).ok();
      List<String> lines = run.out().lines().toList();
      int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model")).findFirst().orElseThrow());
      String h = lines.get(header);
      assertTrue(h.matches("model\\s+precision@5\\s+recall@5\\s+MAP@5\\s+nDCG@5\\s+AUC"), h);
      String als = lines.get(header + 1);
      String pop = lines.get(header + 2);
      assertTrue(als.matches("ALS\\s+(\\d\\.\\d{4}\\s+){4}\\d\\.\\d{4}"), als);
      assertTrue(pop.matches("popularity\\s+(\\d\\.\\d{4}\\s+){4}\\d\\.\\d{4}"), pop);
      assertEquals(h.length(), als.length(), "columns are aligned:\n" + run.out());
      assertEquals(h.length(), pop.length(), "columns are aligned:\n" + run.out());
    }
  }

  @Test
  void delimitedFormatWithStringIdsAndFilter(@TempDir Path own) throws Exception {
    Path csv = SyntheticFiles.csvWithStringIds(own);
    Path m = own.resolve("s.alsm");
    CliRun run = CliRun.of(fast("train", csv, "--format", "delimited", "--sep", ";", "--header",
        "--user-col", 0, "--item-col", 1, "--value-col", 2, "--columns", 4, "--string-ids",
        "--min-value", 3, "--binary", "--model", m)).ok();
    assertTrue(run.err().contains("600 interactions"), "the 6 ratings of 1 are dropped:\n" + run.err());
    List<String> items = firstColumn(CliRun.of("recommend", "--model", m, "--user", "u40", "-n", 3).ok().out());
    items.forEach(id -> assertTrue(id.matches("i2\\d\\d"), items.toString()));
  }

  @Test
  void helpAndVersionExitZero() {
    assertTrue(CliRun.of("--help").ok().out().contains("train"));
    assertTrue(CliRun.of("train", "--help").ok().out().contains("--log-confidence"));
    assertTrue(CliRun.of("--version").ok().out().contains("als"));
  }

  /** The ids of a printed table, header excluded. */
  static List<String> firstColumn(String out) {
    List<String> lines = out.lines().toList();
    int header = 0;
    while (!lines.get(header).matches("(item|user)\\s+(score|cosine)")) header++;
    return lines.subList(header + 1, lines.size()).stream().map(l -> l.split("\\s+")[0]).toList();
  }
}
