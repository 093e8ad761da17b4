package org.alskernel.tune;

import java.util.ArrayList;
import java.util.List;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;

/**
 * The grid a search samples: the values each setting may take. Successive halving uses {@code
 * iterations} as its rounds: every candidate trains with the first count, the best third with the
 * next, and so on.
 *
 * @param variants implicit variants to try
 * @param factors values of k
 * @param lambdas values of λ
 * @param alphas values of α
 * @param nus values of ν, each in [0, 1]
 * @param strengths confidence forms
 * @param solvers row solvers
 * @param iterations the rounds' iteration counts, increasing
 */
public record SearchSpace(List<AlsVariant> variants, List<Integer> factors, List<Float> lambdas,
    List<Float> alphas, List<Float> nus, List<Strengths> strengths, List<Solver> solvers,
    List<Integer> iterations) {

  public SearchSpace {
    variants = nonEmpty("variant", variants);
    factors = nonEmpty("factors", factors);
    lambdas = nonEmpty("lambda", lambdas);
    alphas = nonEmpty("alpha", alphas);
    nus = nonEmpty("nu", nus);
    strengths = nonEmpty("confidence", strengths);
    solvers = nonEmpty("solver", solvers);
    iterations = nonEmpty("iterations", iterations);
    for (AlsVariant v : variants) {
      if (v.isExplicit()) {
        throw new IllegalArgumentException("the search ranks implicit models: variant " + v.label()
            + " is explicit");
      }
    }
    for (float lambda : lambdas) {
      if (!(lambda > 0f)) {
        throw new IllegalArgumentException("lambda values of a search must be > 0 (0 fails on"
            + " rank-deficient rows), got " + lambda);
      }
    }
    for (float nu : nus) {
      if (!(nu >= 0f && nu <= 1f)) {
        throw new IllegalArgumentException("nu must be in [0, 1], got " + nu);
      }
    }
    for (int i = 0; i < iterations.size(); i++) {
      if (iterations.get(i) < 1 || i > 0 && iterations.get(i) <= iterations.get(i - 1)) {
        throw new IllegalArgumentException("iterations must be ≥ 1 and increasing, got "
            + iterations);
      }
    }
    // every other rule (k, λ, α ranges) is AlsConfig's: build each value once so a bad one is named
    // before the search starts rather than in its hundredth trial
    for (Candidate c : corners(variants, factors, lambdas, alphas, nus, strengths, solvers)) {
      c.builder(iterations.get(0), 0L).build();
    }
  }

  /**
   * The default grid: k ∈ {32, 64, 128}, λ ∈ {0.3, 1, 3, 10, 30, 100, 300}, α ∈ {1, 3, 10, 30},
   * ν ∈ {0, 0.25, 0.5, 0.75, 1}, linear, log (ε = 1) and BM25 confidence, both implicit variants,
   * Cholesky; 5 then 15 iterations.
   */
  public static SearchSpace defaults() {
    return new SearchSpace(List.of(AlsVariant.IMPLICIT, AlsVariant.IMPLICIT_BIASED),
        List.of(32, 64, 128), List.of(0.3f, 1f, 3f, 10f, 30f, 100f, 300f), List.of(1f, 3f, 10f, 30f),
        List.of(0f, 0.25f, 0.5f, 0.75f, 1f),
        List.of(Strengths.LINEAR, Strengths.log(1f), Strengths.bm25(100f, 0.8f)),
        List.of(Solver.CHOLESKY), List.of(5, 15));
  }

  /** The settings' lists in the order candidate indices read them, the first varying fastest. */
  private List<List<?>> settings() {
    return List.of(variants, factors, lambdas, alphas, nus, strengths, solvers);
  }

  /** How many candidates the grid holds. */
  public long size() {
    long n = 1;
    for (List<?> values : settings()) {
      n *= values.size();
    }
    return n;
  }

  /** Candidate {@code index} in [0, size()): a mixed-radix reading of the index over the lists. */
  public Candidate candidate(long index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("candidate " + index + " of " + size());
    }
    Object[] v = new Object[7];
    long rest = index;
    for (int d = 0; d < v.length; d++) {
      List<?> values = settings().get(d);
      v[d] = values.get((int) (rest % values.size()));
      rest /= values.size();
    }
    return new Candidate((AlsVariant) v[0], (Integer) v[1], (Float) v[2], (Float) v[3],
        (Float) v[4], (Strengths) v[5], (Solver) v[6]);
  }

  /** The index of {@code c} in this grid, or -1 if one of its values is not in it. */
  public long indexOf(Candidate c) {
    Object[] v = {c.variant(), c.factors(), c.lambda(), c.alpha(), c.nu(), c.strengths(), c.solver()};
    long index = 0;
    long stride = 1;
    for (int d = 0; d < v.length; d++) {
      List<?> values = settings().get(d);
      int at = values.indexOf(v[d]);
      if (at < 0) {
        return -1;
      }
      index += at * stride;
      stride *= values.size();
    }
    return index;
  }

  /**
   * The candidates one grid step from {@code c}: each setting in turn moved to the value before and
   * after its own in that setting's list, the others kept (none if {@code c} is not in the grid).
   */
  public List<Candidate> neighbours(Candidate c) {
    long index = indexOf(c);
    List<Candidate> out = new ArrayList<>();
    long stride = 1;
    for (List<?> values : settings()) {
      if (index < 0) {
        break;
      }
      long digit = index / stride % values.size();
      if (digit > 0) {
        out.add(candidate(index - stride));
      }
      if (digit + 1 < values.size()) {
        out.add(candidate(index + stride));
      }
      stride *= values.size();
    }
    return out;
  }

  /** This grid restricted to plain iALS: ν = 0, no BM25 or TF-IDF (null if nothing is left). */
  public SearchSpace plain() {
    List<Strengths> unweighted = strengths.stream().filter(s -> !s.weighs()).toList();
    if (!nus.contains(0f) || unweighted.isEmpty()) {
      return null;
    }
    return new SearchSpace(variants, factors, lambdas, alphas, List.of(0f), unweighted, solvers,
        iterations);
  }

  private static <T> List<T> nonEmpty(String name, List<T> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("the search space has no " + name + " values");
    }
    for (T v : values) {
      if (v == null) {
        throw new IllegalArgumentException("the search space's " + name + " values hold a null");
      }
    }
    return List.copyOf(values);
  }

  /** Enough candidates to use each value once: the i-th of every list, cycling the shorter ones. */
  private static List<Candidate> corners(List<AlsVariant> variants, List<Integer> factors,
      List<Float> lambdas, List<Float> alphas, List<Float> nus, List<Strengths> strengths,
      List<Solver> solvers) {
    int n = max(variants, factors, lambdas, alphas, nus, strengths, solvers);
    List<Candidate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Candidate(at(variants, i), at(factors, i), at(lambdas, i), at(alphas, i),
          at(nus, i), at(strengths, i), at(solvers, i)));
    }
    return out;
  }

  private static <T> T at(List<T> values, int i) {
    return values.get(i % values.size());
  }

  private static int max(List<?>... lists) {
    int n = 0;
    for (List<?> l : lists) {
      n = Math.max(n, l.size());
    }
    return n;
  }
}
