/** Sparse layouts: {@link org.alskernel.data.CsrMatrix}, its builder, and the id maps between external ids and dense indices. */
package org.alskernel.data;
