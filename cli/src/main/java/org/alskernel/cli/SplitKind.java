package org.alskernel.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.alskernel.data.Interactions;
import org.alskernel.eval.Split;
import org.alskernel.eval.Splits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --split}, each one of the kernel's {@link Splits}. */
enum SplitKind {
  RANDOM("random"),
  PER_USER("per-user"),
  TEMPORAL("temporal"),
  LEAVE_K_OUT("leave-k-out");

  final String label;

  SplitKind(String label) {
    this.label = label;
  }

  Split apply(Interactions data, double testFraction, int leaveOut, long seed) {
    return switch (this) {
      case RANDOM -> Splits.random(data, testFraction, seed);
      case PER_USER -> Splits.perUser(data, testFraction, seed);
      case TEMPORAL -> {
        if (!data.hasTimestamps()) {
          throw new Failure("--split temporal needs timestamps, and this format has none");
        }
        yield Splits.temporal(data, testFraction);
      }
      case LEAVE_K_OUT -> Splits.leaveKOut(data, leaveOut, seed);
    };
  }

  String describe(double testFraction, int leaveOut, long seed) {
    return switch (this) {
      case RANDOM, PER_USER -> label + ", test fraction " + testFraction + ", seed " + seed;
      case TEMPORAL -> label + ", the latest " + testFraction + " of entries";
      case LEAVE_K_OUT -> label + ", " + leaveOut + " per user (the latest; random with seed " + seed
          + " when there are no timestamps)";
    };
  }

  static final class Converter implements ITypeConverter<SplitKind> {
    @Override
    public SplitKind convert(String value) {
      for (SplitKind s : values()) {
        if (s.label.equalsIgnoreCase(value)) return s;
      }
      throw new TypeConversionException("unknown split '" + value + "' (one of random, per-user, "
          + "temporal, leave-k-out)");
    }
  }

  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(s -> s.label).iterator();
    }
  }
}
