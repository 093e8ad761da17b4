package org.alskernel.tune;

import org.alskernel.eval.RankingMetrics;

/**
 * One trained and scored candidate.
 *
 * @param number the trial's place in the search, from 1
 * @param round the successive-halving round, from 1 (round r trains with the r-th iteration count);
 *     0 for a trial of the refinement that follows the brackets
 * @param candidate the settings
 * @param iterations the iterations it trained
 * @param metrics its ranking metrics on the validation split
 * @param seconds wall time to train and score it
 */
public record Trial(int number, int round, Candidate candidate, int iterations,
    RankingMetrics metrics, double seconds) {

  /** Whether this trial is one of the refinement's neighbour steps rather than of a bracket. */
  public boolean refinement() {
    return round == 0;
  }
}
