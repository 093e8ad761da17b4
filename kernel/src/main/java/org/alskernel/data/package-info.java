/**
 * Sparse layouts: {@link org.alskernel.data.CsrMatrix}, its builder, the id maps between external ids
 * and dense indices, and {@link org.alskernel.data.synthetic.SyntheticInteractions}, a seeded power-law test-data
 * generator.
 */
package org.alskernel.data;
