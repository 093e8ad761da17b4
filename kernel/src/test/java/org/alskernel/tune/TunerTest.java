package org.alskernel.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alskernel.data.IdMap;
import org.alskernel.data.Interactions;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The search end to end on a small planted data set: reproducible, within budget, halving. */
class TunerTest {
  /** 120 users in 4 taste groups, each mostly playing its own 15 of 60 items, counts 1..20. */
  static Interactions planted(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    IdMap users = IdMap.forLongs();
    IdMap items = IdMap.forLongs();
    for (int i = 0; i < 60; i++) {
      items.getOrAdd(i);
    }
    List<int[]> entries = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    for (int u = 0; u < 120; u++) {
      users.getOrAdd(u);
      int group = u % 4;
      for (int i = 0; i < 60; i++) {
        boolean own = i / 15 == group;
        if (rnd.nextDouble() < (own ? 0.5 : 0.04)) {
          entries.add(new int[] {u, i});
          values.add((float) (1 + rnd.nextInt(20)));
        }
      }
    }
    int[] ui = new int[entries.size()];
    int[] ii = new int[entries.size()];
    float[] v = new float[entries.size()];
    for (int e = 0; e < ui.length; e++) {
      ui[e] = entries.get(e)[0];
      ii[e] = entries.get(e)[1];
      v[e] = values.get(e);
    }
    return new Interactions(users, items, ui, ii, v, null);
  }

  static SearchSpace small() {
    return new SearchSpace(List.of(AlsVariant.IMPLICIT, AlsVariant.IMPLICIT_BIASED), List.of(4, 8),
        List.of(0.1f, 1f, 10f), List.of(1f, 5f), List.of(0f, 0.5f),
        List.of(Strengths.LINEAR, Strengths.log(1f), Strengths.bm25(1.2f, 0.75f)),
        List.of(Solver.CHOLESKY), List.of(2, 6));
  }

  static Split validation() {
    return Splits.random(planted(5), 0.2, 43);
  }

  private static List<String> rows(TuneResult r) {
    return r.trials().stream().map(t -> t.number() + " " + t.round() + " " + t.candidate() + " "
        + t.iterations() + " " + t.metrics()).toList();
  }

  @Test
  void aBudgetInTrialsGivesTheSameSearchEveryTime() {
    TuneResult a = new Tuner(small(), 5, 7, 2).run(validation(), Budget.trials(16), null);
    TuneResult b = new Tuner(small(), 5, 7, 1).run(validation(), Budget.trials(16), null);
    assertEquals(rows(a), rows(b), "same seed, other thread count: the same trials");
    assertEquals(16, a.trials().size());
    TuneResult other = new Tuner(small(), 5, 8, 2).run(validation(), Budget.trials(16), null);
    assertTrue(!rows(a).equals(rows(other)), "another seed draws other candidates");
  }

  @Test
  void roundsKeepTheBestThirdThenTheBestIsRefinedByItsNeighbours() {
    List<Trial> seen = new ArrayList<>();
    TuneResult r = new Tuner(small(), 5, 3, 2).run(validation(), Budget.trials(16), seen::add);
    assertEquals(r.trials(), seen, "the listener hears every trial in order");
    List<Trial> t = r.trials();
    assertEquals(16, t.size());
    // halving has ceil(2/3 · 16) = 11 trials: a bracket of 8 at 2 iterations and its best 2 at 6,
    // then a bracket of 1; refinement has the other 5
    for (int j = 0; j < 16; j++) {
      int round = j < 8 || j == 10 ? 1 : j < 10 ? 2 : 0;
      assertEquals(round, t.get(j).round(), "trial " + (j + 1));
      if (round > 0) {
        assertEquals(round == 1 ? 2 : 6, t.get(j).iterations());
      }
    }
    List<Candidate> bestOfFirst = t.subList(0, 8).stream().sorted(TuneResult.BEST_FIRST)
        .map(Trial::candidate).limit(2).toList();
    assertEquals(bestOfFirst, t.subList(8, 10).stream().map(Trial::candidate).toList());

    Trial start = t.subList(0, 11).stream().min(TuneResult.BEST_FIRST).orElseThrow();
    Set<String> before = new HashSet<>();
    t.subList(0, 11).forEach(x -> before.add(x.candidate() + " " + x.iterations()));
    for (Trial x : t.subList(11, 16)) {
      assertTrue(x.refinement());
      boolean neighbour = x.iterations() == start.iterations()
          ? small().neighbours(start.candidate()).contains(x.candidate())
          : x.candidate().equals(start.candidate());
      assertTrue(neighbour, x + " is a grid step from " + start);
      assertTrue(before.add(x.candidate() + " " + x.iterations()), "tried once: " + x);
    }
    Trial best = r.best().orElseThrow();
    assertTrue(t.stream().allMatch(x -> x.metrics().ndcg() <= best.metrics().ndcg()));
    assertTrue(best.metrics().ndcg() > 0.3, "the planted groups are easy to find: " + best);
  }

  @Test
  void budgetLeftByAConvergedRefinementGoesToNewBrackets() {
    // one setting of 30 values: a refinement step has at most 2 neighbours, so it stops early
    List<Float> lambdas = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lambdas.add((float) (0.05 * Math.pow(1.3, i)));
    }
    SearchSpace line = new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(4), lambdas,
        List.of(5f), List.of(0f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY), List.of(3));
    TuneResult r = new Tuner(line, 5, 3, 2).run(validation(), Budget.trials(20), null);
    assertEquals(20, r.trials().size(), "the whole budget is used");
    List<Integer> rounds = r.trials().stream().map(Trial::round).toList();
    assertTrue(rounds.contains(0), "refinement ran: " + rounds);
    assertTrue(rounds.subList(rounds.indexOf(0), rounds.size()).contains(1),
        "and a bracket after it: " + rounds);
  }

  @Test
  void aBudgetInSecondsStopsAfterTheTrialRunningAtTheDeadline() {
    long start = System.nanoTime();
    TuneResult r = new Tuner(small(), 5, 3, 2).run(validation(), Budget.seconds(0.3), null);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(r.trials().size() >= 1, "at least the first trial runs");
    double longest = r.trials().stream().mapToDouble(Trial::seconds).max().orElseThrow();
    assertTrue(seconds <= 0.3 + longest + 0.5, seconds + " s for a 0.3 s budget, longest trial "
        + longest + " s");
  }

  @Test
  void neighboursAreOneGridStepInOneSetting() {
    SearchSpace space = small();
    Candidate c = space.candidate(0);
    assertEquals(0, space.indexOf(c));
    // the first value of every setting: only the step up exists, one per setting with two or more
    // values (the solver has one)
    List<Candidate> n = space.neighbours(c);
    assertEquals(6, n.size(), n.toString());
    for (Candidate x : n) {
      assertEquals(space.candidate(space.indexOf(x)), x);
    }
    assertEquals(List.of(), space.neighbours(new Candidate(AlsVariant.IMPLICIT, 5, 1f, 1f, 0f,
        Strengths.LINEAR, Solver.CHOLESKY)), "k = 5 is not in the grid");
  }

  @Test
  void aBudgetLargerThanTheGridTriesEveryCandidateOnce() {
    SearchSpace space = new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(4), List.of(1f, 10f),
        List.of(1f, 5f), List.of(0f, 1f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY,
        Solver.CONJUGATE_GRADIENT), List.of(3));
    TuneResult r = new Tuner(space, 5, 1, 2).run(validation(), Budget.trials(100), null);
    Set<Candidate> distinct = new HashSet<>();
    r.trials().forEach(t -> distinct.add(t.candidate()));
    assertEquals(space.size(), r.trials().size());
    assertEquals(space.size(), distinct.size());
    assertTrue(r.bestPlain().orElseThrow().candidate().plain());
  }

  private static void refuse(String mustName, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(mustName), "message should say " + mustName + ": "
        + x.getMessage());
  }

  @Test
  void badSearchesAreRefusedNamingTheSetting() {
    refuse("budget must be > 0 trials", () -> Budget.trials(0));
    refuse("seconds > 0", () -> Budget.seconds(-1));
    refuse("no factors values", () -> new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(),
        List.of(1f), List.of(1f), List.of(0f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY),
        List.of(3)));
    refuse("nu must be in [0, 1]", () -> new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(4),
        List.of(1f), List.of(1f), List.of(1.5f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY),
        List.of(3)));
    refuse("increasing", () -> new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(4),
        List.of(1f), List.of(1f), List.of(0f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY),
        List.of(5, 5)));
    refuse("factors k", () -> new SearchSpace(List.of(AlsVariant.IMPLICIT), List.of(4, 0),
        List.of(1f), List.of(1f), List.of(0f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY),
        List.of(3)));
    refuse("explicit", () -> new SearchSpace(List.of(AlsVariant.EXPLICIT), List.of(4),
        List.of(1f), List.of(1f), List.of(0f), List.of(Strengths.LINEAR), List.of(Solver.CHOLESKY),
        List.of(3)));
    refuse("BM25 B", () -> Strengths.parse("bm25:1:2"));
    refuse("not a confidence form", () -> Strengths.parse("cubic"));
    Interactions data = planted(1);
    Split none = new Split(data, new Interactions(data.users(), data.items(), new int[0],
        new int[0], new float[0], null));
    refuse("no validation users", () -> new Tuner(small(), 5, 1, 1).run(none, Budget.trials(3),
        null));
  }

  @Test
  void confidenceFormsReadBackTheirLabels() {
    for (Strengths s : List.of(Strengths.LINEAR, Strengths.log(0.5f), Strengths.bm25(100f, 0.8f),
        Strengths.TFIDF)) {
      assertEquals(s, Strengths.parse(s.label()));
    }
    assertEquals(Strengths.log(1f), Strengths.parse("log"));
  }
}
