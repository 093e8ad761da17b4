package org.alskernel.model;

/**
 * A user as a model scores it: factors x_u (length k) and bias β_u (0 for unbiased models).
 *
 * @param factors x_u
 * @param bias β_u
 */
public record UserVector(float[] factors, float bias) {}
