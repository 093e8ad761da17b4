/** The ALS trainer: configuration, confidence functions, the parallel sweep, listeners. */
package org.alskernel.train;
