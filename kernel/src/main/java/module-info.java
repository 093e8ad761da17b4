/**
 * als-kernel: implicit-feedback ALS and its explicit, weighted and biased relatives on the JVM.
 *
 * <p>The API packages are exported, with the packages whose types a block of the public block sweep
 * is made of ({@code linalg}, {@code parallel}); the SIMD kernels ({@code simd}) stay inside. {@code
 * jdk.incubator.vector} is optional ({@code requires static}): run with {@code --add-modules jdk.incubator.vector} to get the SIMD path; without it the
 * kernel logs a warning and uses its scalar implementation.
 */
module org.alskernel {
  requires static jdk.incubator.vector;
  requires static jdk.management; // AlignedFloats reads the collector's settings when present

  exports org.alskernel.data;
  exports org.alskernel.data.synthetic;
  exports org.alskernel.parallel;
  exports org.alskernel.linalg;
  exports org.alskernel.io;
  exports org.alskernel.sweep;
  exports org.alskernel.model;
  exports org.alskernel.store;
  exports org.alskernel.train;
  exports org.alskernel.eval;
  exports org.alskernel.tune;
}
