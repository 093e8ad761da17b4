package org.alskernel.eval;

import org.alskernel.model.AlsModel;

/**
 * Anything that scores every item for a user: a trained model, a baseline. The evaluator ranks the
 * scores itself, so implementations only fill an array. Implementations must be safe to call from
 * several threads at once with different output arrays.
 */
public interface Ranker {
  /** Number of users it can score. */
  int users();

  /** Number of items it scores. */
  int items();

  /** Writes the score of every item for {@code user} into {@code out[0..items())}; higher is better. */
  void score(int user, float[] out);

  /** A trained model as a ranker: scores x_uᵀy_i. */
  static Ranker of(AlsModel model) {
    return new Ranker() {
      @Override
      public int users() {
        return model.userCount();
      }

      @Override
      public int items() {
        return model.itemCount();
      }

      @Override
      public void score(int user, float[] out) {
        model.scoreAll(user, out);
      }
    };
  }
}
