package org.alskernel.cli;

import static org.alskernel.cli.SyntheticFiles.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alskernel.model.AlsModel;
import org.alskernel.model.Scored;
import org.alskernel.store.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many users at once, exclusions, and results as TSV and JSON, on stdout or in a file. */
class ScriptableOutputTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;
  static AlsModel loaded;

  @BeforeAll
  static void train() throws Exception {
    data = SyntheticFiles.uData(dir);
    model = dir.resolve("m.alsm");
    CliRun.of(fast("train", data, "--format", "ml-100k", "--model", model)).ok();
    loaded = ModelFile.load(model);
  }

  @Test
  void tsvOfAllUsersHoldsEachUsersOwnTopNInRankOrder() {
    CliRun run = CliRun.of("recommend", "--model", model, "--all-users", "-n", 4, "--output", "tsv").ok();
    List<String> lines = run.out().lines().toList();
    assertEquals("user\trank\titem\tscore", lines.getFirst());
    assertEquals(1 + SyntheticFiles.USERS * 4, lines.size());
    for (int u = 0; u < loaded.userCount(); u++) {
      List<Scored> expected = loaded.recommend(u, 4);
      for (int r = 0; r < 4; r++) {
        String[] f = lines.get(1 + u * 4 + r).split("\t");
        assertEquals(loaded.users().id(u), f[0]);
        assertEquals(String.valueOf(r + 1), f[1]);
        assertEquals(expected.get(r).id(), f[2]);
        assertEquals(expected.get(r).score(), Float.parseFloat(f[3]), "scores in full, bit for bit");
      }
    }
    assertEquals("", run.err(), "nothing but the result");
  }

  @Test
  void usersFileLeavesOutEachUsersSeenAndExcludedItemsAsJson() throws Exception {
    Path users = Files.writeString(dir.resolve("users.txt"), "# two users\n3\n\n  45 \n");
    Path exclude = Files.writeString(dir.resolve("exclude.txt"), "101\n205\nno-such-item\n");
    CliRun run = CliRun.of("recommend", "--model", model, "--users", users, "-n", 40, "--data", data,
        "--format", "ml-100k", "--exclude-items", exclude, "--output", "json").ok();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(run.out());
    assertEquals(List.of("user", "rank", "item", "score"), List.copyOf(rows.getFirst().keySet()));
    for (String user : List.of("3", "45")) {
      List<String> items = rows.stream().filter(r -> r.get("user").equals(user))
          .map(r -> (String) r.get("item")).toList();
      List<String> seen = seenItems(user);
      assertEquals(40 - seen.size() - 2 + (seen.contains("101") || seen.contains("205") ? 1 : 0),
          items.size(), "all items but the seen and the excluded: " + items);
      for (String id : seen) assertFalse(items.contains(id), id + " was seen");
      assertFalse(items.contains("101") || items.contains("205"), items.toString());
    }
    assertTrue(run.err().contains("1 ids in " + exclude + " are not items of"), run.err());
    assertTrue(run.err().contains("leaving out each user's items in " + data + " ("), run.err());
  }

  @Test
  void outFileHoldsTheResultAndAFailureLeavesItAsItWas() throws Exception {
    Path out = dir.resolve("recs.tsv");
    CliRun run = CliRun.of("recommend", "--model", model, "--all-users", "--output", "tsv", "--out", out).ok();
    assertEquals("", run.out());
    String written = Files.readString(out);
    assertEquals(CliRun.of("recommend", "--model", model, "--all-users", "--output", "tsv").ok().out(),
        written);

    Path users = Files.writeString(dir.resolve("bad-users.txt"), "3\n999\n");
    String err = CliRun.of("recommend", "--model", model, "--users", users, "--out", out).fails(1).err();
    assertTrue(err.contains(users + ":2: unknown user id '999'"), err);
    assertEquals(written, Files.readString(out), "the old result stays");

    err = CliRun.of("recommend", "--model", model, "--all-users", "--out", model).fails(1).err();
    assertTrue(err.contains(model.toString()), err);
    assertEquals(loaded.userCount(), ModelFile.load(model).userCount(), "the model is not overwritten");
  }

  @Test
  void similarAndEvaluateSpeakTsvAndJsonWithMessagesOnStderr() {
    CliRun similar = CliRun.of("similar", "--model", model, "--item", "205", "-n", 3, "--output", "tsv").ok();
    List<String> lines = similar.out().lines().toList();
    assertEquals("item\tcosine", lines.getFirst());
    List<Scored> expected = loaded.similarItems(loaded.items().indexOf("205"), 3);
    for (int j = 0; j < 3; j++) {
      assertEquals(expected.get(j).id() + "\t" + expected.get(j).score(), lines.get(j + 1));
    }

    CliRun evaluate = CliRun.of(fast("evaluate", data, "--format", "ml-100k", "--at", 5,
        "--output", "json")).ok();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(evaluate.out());
    assertEquals(List.of("ALS", "popularity"), rows.stream().map(r -> r.get("model")).toList());
    assertEquals(List.of("model", "precision@5", "recall@5", "MAP@5", "nDCG@5", "AUC"),
        List.copyOf(rows.getFirst().keySet()));
    double ndcg = (Double) rows.getFirst().get("nDCG@5");
    assertTrue(ndcg > 0 && ndcg <= 1, "nDCG " + ndcg);
    assertTrue(evaluate.err().contains("split: random") && evaluate.err().contains("trained in"),
        evaluate.err());
  }

  @Test
  void cellsWithTabsQuotesAndControlsStayOneRowInEveryFormat(@TempDir Path own) throws Exception {
    // string ids may hold anything but the file's separator and a line break
    Path csv = Files.writeString(own.resolve("odd.csv"),
        "a\tb;x\"y\n".repeat(1) + "a\tb;z\\w\nc;x\"y\nc;q\u0001\n");
    Path m = own.resolve("odd.alsm");
    CliRun.of(fast("train", csv, "--format", "delimited", "--sep", ";", "--user-col", 0, "--item-col",
        1, "--string-ids", "--model", m)).ok();
    String tsv = CliRun.of("recommend", "--model", m, "--user", "a\tb", "--output", "tsv").ok().out();
    for (String line : tsv.lines().skip(1).toList()) assertEquals(4, line.split("\t", -1).length, line);
    assertTrue(tsv.contains("a\\tb\t"), tsv);
    String json = CliRun.of("recommend", "--model", m, "--all-users", "--output", "json").ok().out();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(json);
    assertTrue(rows.stream().anyMatch(r -> r.get("item").equals("x\"y")), json);
    assertTrue(rows.stream().anyMatch(r -> r.get("item").equals("q\u0001")), json);
    assertTrue(rows.stream().anyMatch(r -> r.get("user").equals("a\tb")), json);
  }

  private static List<String> seenItems(String user) throws Exception {
    return Files.readAllLines(data).stream().filter(l -> l.startsWith(user + "\t"))
        .map(l -> l.split("\t")[1]).toList();
  }
}
