package org.alskernel.spark;

import org.apache.spark.Partitioner;

/**
 * Which block an id belongs to, and the partitioner that puts block b in partition b. The block of an
 * id depends on the id and the block count alone, so every stage, executor and run agrees on it.
 */
final class Blocks extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int blocks;

  Blocks(int blocks) {
    if (blocks < 1) {
      throw new IllegalArgumentException("the number of blocks must be ≥ 1, got " + blocks);
    }
    this.blocks = blocks;
  }

  /** The block of {@code id}: a mix of its bits (consecutive ids spread evenly), modulo the count. */
  int blockOf(long id) {
    return (int) Math.floorMod(mix(id), (long) blocks);
  }

  /** The 64-bit finaliser of SplitMix64: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public int numPartitions() {
    return blocks;
  }

  /** Keys are block numbers. */
  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blocks b && b.blocks == blocks;
  }

  @Override
  public int hashCode() {
    return blocks;
  }
}
