/** Internal: the only package that imports {@code jdk.incubator.vector}; not exported. */
package org.alskernel.simd;
