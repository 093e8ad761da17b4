package org.alskernel.tune;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a search found: every trial in the order it ran, and the best by validation nDCG (the earlier
 * trial on a tie).
 *
 * @param trials every trial, in order
 * @param validationUsers the users the validation metrics average over
 */
public record TuneResult(List<Trial> trials, int validationUsers) {
  /** Higher validation nDCG first; on a tie, the earlier trial. */
  static final Comparator<Trial> BEST_FIRST = Comparator
      .comparingDouble((Trial t) -> -t.metrics().ndcg()).thenComparingInt(Trial::number);

  public TuneResult {
    trials = List.copyOf(trials);
  }

  /** The best trial (empty only if no trial ran). */
  public Optional<Trial> best() {
    return trials.stream().min(BEST_FIRST);
  }

  /** The best trial of plain iALS (ν = 0, no reweighing), if the search ran one. */
  public Optional<Trial> bestPlain() {
    return trials.stream().filter(t -> t.candidate().plain()).min(BEST_FIRST);
  }
}
