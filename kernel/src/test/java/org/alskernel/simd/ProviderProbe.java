package org.alskernel.simd;

/** Run in a child JVM by {@link VectorOpsProviderTest}: prints the name of the chosen kernels. */
public final class ProviderProbe {
  private ProviderProbe() {}

  public static void main(String[] args) {
    System.out.println("chosen=" + VectorOpsProvider.get().name());
  }
}
