package org.alskernel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Solver;
import org.alskernel.tune.SearchSpace;
import org.alskernel.tune.Strengths;

/**
 * {@code --space NAME=V1,V2,...}: replaces one setting's values in the default search grid. Names:
 * variant, factors, lambda, alpha, nu, confidence, solver, iterations.
 */
final class SpaceOption {
  static final List<String> NAMES =
      List.of("variant", "factors", "lambda", "alpha", "nu", "confidence", "solver", "iterations");

  private SpaceOption() {}

  /**
   * The default grid with each {@code NAME=values} of {@code settings} in place of its values.
   *
   * @throws IllegalArgumentException naming the setting and the value that is wrong
   */
  static SearchSpace apply(SearchSpace base, List<String> settings) {
    List<AlsVariant> variants = base.variants();
    List<Integer> factors = base.factors();
    List<Float> lambdas = base.lambdas();
    List<Float> alphas = base.alphas();
    List<Float> nus = base.nus();
    List<Strengths> strengths = base.strengths();
    List<Solver> solvers = base.solvers();
    List<Integer> iterations = base.iterations();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      String name = eq < 0 ? setting : setting.substring(0, eq).strip();
      if (eq < 0 || !NAMES.contains(name)) {
        throw new IllegalArgumentException("'" + setting + "' is not NAME=V1,V2,... with NAME one of "
            + String.join(", ", NAMES));
      }
      String values = setting.substring(eq + 1);
      switch (name) {
        case "variant" -> variants = list(name, values, AlsVariant::byLabel);
        case "factors" -> factors = list(name, values, Integer::parseInt);
        case "lambda" -> lambdas = list(name, values, Float::parseFloat);
        case "alpha" -> alphas = list(name, values, Float::parseFloat);
        case "nu" -> nus = list(name, values, Float::parseFloat);
        case "confidence" -> strengths = list(name, values, Strengths::parse);
        case "solver" -> solvers = list(name, values, Solver::byLabel);
        default -> iterations = list(name, values, Integer::parseInt);
      }
    }
    return new SearchSpace(variants, factors, lambdas, alphas, nus, strengths, solvers, iterations);
  }

  private static <T> List<T> list(String name, String values, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    if (values.isBlank()) {
      return out; // the space refuses it, naming the setting
    }
    for (String v : values.split(",", -1)) {
      try {
        out.add(parse.apply(v.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": '" + v.strip() + "' is not a number");
      }
    }
    return out;
  }

  /** For messages: each setting of {@code space} and its values. */
  static Map<String, List<?>> describe(SearchSpace space) {
    Map<String, List<?>> m = new java.util.LinkedHashMap<>();
    m.put("variant", space.variants().stream().map(AlsVariant::label).toList());
    m.put("factors", space.factors());
    m.put("lambda", space.lambdas());
    m.put("alpha", space.alphas());
    m.put("nu", space.nus());
    m.put("confidence", space.strengths().stream().map(Strengths::label).toList());
    m.put("solver", space.solvers().stream().map(Solver::label).toList());
    m.put("iterations", space.iterations());
    return m;
  }
}
