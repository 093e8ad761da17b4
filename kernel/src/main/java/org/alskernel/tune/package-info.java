/**
 * Finding good settings: a budgeted, reproducible search (successive halving over a grid) on a
 * validation split carved from the training data, scored by the ranking metrics of {@code eval}.
 * Above {@code train} and {@code eval}, which it drives.
 */
package org.alskernel.tune;
