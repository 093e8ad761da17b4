package org.alskernel.tune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.Interactions;
import org.alskernel.eval.Ranker;
import org.alskernel.eval.RankingEvaluator;
import org.alskernel.eval.RankingMetrics;
import org.alskernel.eval.Split;
import org.alskernel.model.AlsModel;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsTrainer;

/**
 * Successive halving over a {@link SearchSpace}, then a local refinement. Halving: candidates drawn
 * from the grid without repetition (seeded), each trained on the validation split's training part
 * with the first round's iterations and scored by nDCG at the cut-off on its held-out part; the best
 * third go on to the next round's iterations, and so on; brackets repeat for two thirds of the
 * {@link Budget}. Refinement, with the rest: the grid neighbours of the best trial so far (each
 * setting, and the iteration count, one step either way) are tried, and the search moves to the best
 * of them while one improves. Budget left when no neighbour improves goes to the same two phases
 * again (two thirds to new brackets, then refinement), until the budget is spent or the grid is
 * exhausted.
 *
 * <p>The split must be carved from training data only: the search sees nothing of a test split. With
 * a budget in trials, the same space, split, cut-off and seed give the same trials and the same best
 * candidate (training and scoring do not depend on the thread count).
 */
public final class Tuner {
  /** Each round keeps 1/η of the candidates. */
  public static final int ETA = 3;

  private final SearchSpace space;
  private final int at;
  private final long seed;
  private final int threads;

  /**
   * @param at the cut-off of the ranked lists (nDCG@at chooses)
   * @param seed seeds the draw of candidates and every model's initial factors
   * @param threads worker threads of each fit, or 0 for the number of processors
   */
  public Tuner(SearchSpace space, int at, long seed, int threads) {
    if (space == null) {
      throw new IllegalArgumentException("the search space must not be null");
    }
    if (at < 1) {
      throw new IllegalArgumentException("the cut-off must be ≥ 1, got " + at);
    }
    if (threads < 0 || threads > AlsConfig.MAX_THREADS) {
      throw new IllegalArgumentException("threads must be in [0, " + AlsConfig.MAX_THREADS
          + "], got " + threads);
    }
    this.space = space;
    this.at = at;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * Runs the search.
   *
   * @param validation a split of the training data: trials train on its train part and are scored on
   *     its test part
   * @param listener told of each trial as it completes (may be null)
   * @throws IllegalArgumentException if the validation part leaves no user with an item to find
   */
  public TuneResult run(Split validation, Budget budget, Consumer<Trial> listener) {
    int users = validationUsers(validation);
    if (users == 0) {
      throw new IllegalArgumentException("the validation split leaves no validation users: no user"
          + " has a held-out item that is not also in their training part; hold out more");
    }
    Search search = new Search(validation, budget, listener);
    double until = HALVING_SHARE;
    while (true) {
      search.halve(until);
      search.refine();
      if (search.spent(1) || search.draw.remaining() == 0) {
        return new TuneResult(search.trials, users);
      }
      until = search.used() + HALVING_SHARE * (1 - search.used());
    }
  }

  /** One run's state: the trials so far and what is left of the budget. */
  private final class Search {
    private final Split validation;
    private final Budget budget;
    private final Consumer<Trial> listener;
    private final long start = System.nanoTime();
    /** The training part as each confidence form trains on it, made once. */
    private final Map<Strengths, Interactions> weighed = new HashMap<>();
    // both parts as the evaluator reads them, made once rather than per trial
    private final CsrMatrix trainRows;
    private final CsrMatrix testRows;
    private final Map<Tried, Trial> tried = new HashMap<>();
    final Draw draw = new Draw(space.size(), new SplittableRandom(seed));
    final List<Trial> trials = new ArrayList<>();

    Search(Split validation, Budget budget, Consumer<Trial> listener) {
      this.validation = validation;
      this.budget = budget;
      this.listener = listener;
      this.trainRows = validation.train().toCsr();
      this.testRows = validation.test().toCsr();
    }

    /** Whether a share of the budget (1 for all of it) is spent. */
    boolean spent(double share) {
      return budget.inTrials() ? trials.size() >= Math.ceil(share * budget.trials() - 1e-9)
          : System.nanoTime() - start >= share * budget.seconds() * 1e9;
    }

    /** The share of the budget spent so far. */
    double used() {
      return budget.inTrials() ? (double) trials.size() / budget.trials()
          : (System.nanoTime() - start) / (budget.seconds() * 1e9);
    }

    private Trial run(int round, Candidate c, int iterations) {
      long begin = System.nanoTime();
      Interactions train = weighed.computeIfAbsent(c.strengths(),
          s -> s.weigh(validation.train()));
      AlsConfig.Builder b = c.builder(iterations, seed);
      if (threads > 0) {
        b.threads(threads);
      }
      AlsModel model = new AlsTrainer(b.build()).fit(train);
      RankingMetrics m = RankingEvaluator.evaluate(Ranker.of(model), trainRows, testRows, at,
          ForkJoinPool.commonPool());
      Trial t = new Trial(trials.size() + 1, round, c, iterations, m,
          (System.nanoTime() - begin) / 1e9);
      trials.add(t);
      tried.put(new Tried(c, iterations), t);
      if (listener != null) {
        listener.accept(t);
      }
      return t;
    }

    /** Brackets until {@code share} of the budget is spent (or the grid is exhausted). */
    void halve(double share) {
      List<Integer> rounds = space.iterations();
      double perCandidate = 0; // trials one bracket candidate costs at most: Σ_r η^-r
      for (int r = 0; r < rounds.size(); r++) {
        perCandidate += Math.pow(ETA, -r);
      }
      while (draw.remaining() > 0 && !spent(share)) {
        long wanted = budget.inTrials() ? Math.max(1, (long) ((Math.ceil(share * budget.trials()
            - 1e-9) - trials.size()) / perCandidate)) : (long) Math.pow(ETA, rounds.size());
        List<Candidate> bracket = new ArrayList<>();
        for (long n = Math.min(wanted, draw.remaining()); n > 0; n--) {
          bracket.add(space.candidate(draw.next()));
        }
        for (int round = 0; round < rounds.size() && !bracket.isEmpty(); round++) {
          List<Trial> scored = new ArrayList<>();
          for (Candidate c : bracket) {
            if (spent(share)) {
              return;
            }
            scored.add(run(round + 1, c, rounds.get(round)));
          }
          scored.sort(TuneResult.BEST_FIRST);
          bracket = scored.subList(0, Math.max(1, scored.size() / ETA)).stream()
              .map(Trial::candidate).toList();
        }
      }
    }

    void refine() {
      Trial best = trials.stream().min(TuneResult.BEST_FIRST).orElse(null);
      while (best != null) {
        Trial step = null;
        for (Candidate c : space.neighbours(best.candidate())) {
          step = better(step, tryOnce(c, best.iterations()));
          if (spent(1)) {
            return;
          }
        }
        for (int iterations : adjacentIterations(best.iterations())) {
          step = better(step, tryOnce(best.candidate(), iterations));
          if (spent(1)) {
            return;
          }
        }
        best = step != null && TuneResult.BEST_FIRST.compare(step, best) < 0 ? step : null;
      }
    }

    /** A new trial of (c, iterations), or null if it ran before or the budget is spent. */
    private Trial tryOnce(Candidate c, int iterations) {
      return spent(1) || tried.containsKey(new Tried(c, iterations)) ? null
          : run(0, c, iterations);
    }
  }

  /** The iteration counts before and after {@code iterations} in the space's rounds. */
  private List<Integer> adjacentIterations(int iterations) {
    List<Integer> rounds = space.iterations();
    int i = rounds.indexOf(iterations);
    List<Integer> out = new ArrayList<>(2);
    if (i > 0) {
      out.add(rounds.get(i - 1));
    }
    if (i >= 0 && i + 1 < rounds.size()) {
      out.add(rounds.get(i + 1));
    }
    return out;
  }

  /** Halving's share of the budget; refinement has the rest. */
  private static final double HALVING_SHARE = 2.0 / 3;

  private static Trial better(Trial a, Trial b) {
    return a == null ? b : b == null ? a : TuneResult.BEST_FIRST.compare(b, a) < 0 ? b : a;
  }

  /** A candidate trained for a number of iterations: what a trial is of. */
  private record Tried(Candidate candidate, int iterations) {}

  /** Users with a held-out item that is not in their training row: whom the metrics average over. */
  static int validationUsers(Split split) {
    CsrMatrix train = split.train().toCsr();
    CsrMatrix test = split.test().toCsr();
    int users = 0;
    for (int u = 0; u < test.rows(); u++) {
      for (int p = test.indptr()[u]; p < test.indptr()[u + 1]; p++) {
        if (java.util.Arrays.binarySearch(train.indices(), train.indptr()[u],
            train.indptr()[u + 1], test.indices()[p]) < 0) {
          users++;
          break;
        }
      }
    }
    return users;
  }

  /**
   * Indices of [0, size) in a seeded random order without repetition: a Fisher–Yates shuffle that
   * keeps only the swapped positions, so a grid of millions costs memory only for what is drawn.
   */
  private static final class Draw {
    private final long size;
    private final SplittableRandom random;
    private final Map<Long, Long> swapped = new HashMap<>();
    private long drawn;

    Draw(long size, SplittableRandom random) {
      this.size = size;
      this.random = random;
    }

    long remaining() {
      return size - drawn;
    }

    long next() {
      long j = drawn + random.nextLong(size - drawn);
      long atJ = swapped.getOrDefault(j, j);
      swapped.put(j, swapped.getOrDefault(drawn, drawn));
      drawn++;
      return atJ;
    }
  }
}
