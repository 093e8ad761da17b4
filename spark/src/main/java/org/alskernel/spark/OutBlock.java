package org.alskernel.spark;

import java.io.Serializable;
import java.util.Arrays;
import scala.Tuple2;

/**
 * What one block sends in every half-sweep where it is the fixed side: for each block of the other
 * side, the local rows (positions in its {@link InBlock#ids}) that block needs, in the ascending id
 * order the receiver gathers them in.
 */
final class OutBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** For each receiving block, the local rows it needs (empty for none). */
  final int[][] rowsFor;

  private OutBlock(int[][] rowsFor) {
    this.rowsFor = rowsFor;
  }

  /**
   * @param requests (receiving block, the ids it needs) pairs
   * @param sender the sending block's rows
   */
  static OutBlock of(Iterable<Tuple2<Integer, long[]>> requests, InBlock sender, int receivers) {
    int[][] rowsFor = new int[receivers][0];
    for (Tuple2<Integer, long[]> request : requests) {
      long[] ids = request._2();
      int[] rows = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        rows[i] = Arrays.binarySearch(sender.ids, ids[i]);
        if (rows[i] < 0) {
          throw new IllegalStateException("block " + request._1() + " needs id " + ids[i]
              + ", which the sending block does not hold");
        }
      }
      rowsFor[request._1()] = rows;
    }
    return new OutBlock(rowsFor);
  }
}
