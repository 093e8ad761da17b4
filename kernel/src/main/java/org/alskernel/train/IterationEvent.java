package org.alskernel.train;

/**
 * What the trainer reports after an iteration.
 *
 * @param iteration 1-based number of the iteration just finished
 * @param elapsedNanos time since training started
 * @param loss the full implicit objective after this iteration, or NaN when loss computation is off
 */
public record IterationEvent(int iteration, long elapsedNanos, double loss) {}
