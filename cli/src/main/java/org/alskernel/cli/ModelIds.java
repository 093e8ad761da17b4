package org.alskernel.cli;

import java.nio.file.Path;
import org.alskernel.data.IdMap;

/** Finds a user or item of a loaded model by the id the training file used. */
final class ModelIds {
  private ModelIds() {}

  /**
   * The index of {@code id}.
   *
   * @throws Failure naming the id, the model file and a few ids it does have
   */
  static int require(IdMap ids, String id, String kind, Path model) {
    int index = ids.indexOf(id);
    if (index < 0) {
      StringBuilder examples = new StringBuilder();
      for (int j = 0; j < Math.min(3, ids.size()); j++) {
        examples.append(j == 0 ? "" : ", ").append(ids.id(j));
      }
      throw new Failure("unknown " + kind + " id '" + id + "': " + model + " has " + ids.size() + " "
          + kind + "s" + (ids.size() == 0 ? "" : " (e.g. " + examples + ")"));
    }
    return index;
  }
}
