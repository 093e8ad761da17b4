package org.alskernel.spark;

import java.io.Serializable;

/** One checked input row: a user id, an item id and the rating or strength between them. */
record Rating(long user, long item, float rating) implements Serializable {
  /** The same entry seen from the item side. */
  Rating swapped() {
    return new Rating(item, user, rating);
  }
}
