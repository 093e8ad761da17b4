/** Internal: Gram matrix, per-row normal equations, Cholesky; not exported. */
package org.alskernel.linalg;
