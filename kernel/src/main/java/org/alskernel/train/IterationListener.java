package org.alskernel.train;

/** Called by the trainer after each full iteration (user sweep + item sweep). */
@FunctionalInterface
public interface IterationListener {

  /**
   * @return true to go on, false to stop training after this iteration (the model of this iteration
   *     is returned)
   */
  boolean onIteration(IterationEvent event);
}
