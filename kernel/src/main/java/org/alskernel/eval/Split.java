package org.alskernel.eval;

import org.alskernel.data.Interactions;

/**
 * A train/test partition of one {@link Interactions}: every entry is in exactly one side, each side
 * keeps the source order of its entries, and both share the source's {@code IdMap}s, so a user or item
 * index means the same in both (and both {@code toCsr()} have the full users × items shape).
 */
public record Split(Interactions train, Interactions test) {}
