package org.alskernel.tune;

/**
 * How long a search may run: a number of trials (reproducible: the same trials for the same seed) or
 * seconds of wall time (checked before each trial, so the trial running at the deadline completes).
 *
 * @param trials the most trials, or 0 when the budget is in seconds
 * @param seconds the most seconds, or 0 when the budget is in trials
 */
public record Budget(int trials, double seconds) {
  public Budget {
    if (trials < 0 || !(seconds >= 0) || !Double.isFinite(seconds) || (trials == 0) == (seconds == 0)) {
      throw new IllegalArgumentException("a budget is a number of trials > 0 or of seconds > 0, got "
          + (trials != 0 ? trials + " trials" : seconds + " s"));
    }
  }

  public static Budget trials(int trials) {
    if (trials <= 0) {
      throw new IllegalArgumentException("the budget must be > 0 trials, got " + trials);
    }
    return new Budget(trials, 0);
  }

  public static Budget seconds(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException("the budget must be a finite number of seconds > 0, got "
          + seconds);
    }
    return new Budget(0, seconds);
  }

  /** Whether the budget counts trials (and is reproducible). */
  public boolean inTrials() {
    return trials > 0;
  }

  @Override
  public String toString() {
    return inTrials() ? trials + " trials" : seconds + " s";
  }
}
