package org.alskernel.spark;

import java.io.Serializable;

/**
 * Factor rows one block of the fixed side sends to one block being solved: {@code rows} holds them
 * back to back ({@link SolveSettings#width} floats each) in the order the receiver's {@link
 * InBlock#columnOf columnOf[from]} places them.
 */
record Shipped(int from, float[] rows) implements Serializable {}
