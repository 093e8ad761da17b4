package org.alskernel.model;

/**
 * One entry of a ranked result: a dense index (item or user, depending on the query), that index's
 * id as written in the source file ({@link org.alskernel.data.IdMap#id(int)}), and its score.
 */
public record Scored(int index, String id, float score) {}
