package org.alskernel.data;

import org.alskernel.data.synthetic.SyntheticInteractions;

/**
 * Not a test: prints the memory footprint of the MovieLens-20M-shaped synthetic matrix in both
 * orientations, plus generation and transpose times, for docs/design.md. Run after {@code mvn verify}:
 *
 * <pre>
 * java -Xmx2g -cp kernel/target/classes:kernel/target/test-classes org.alskernel.data.FootprintReport [seed]
 * </pre>
 *
 * Heap figures come from {@link Runtime} after {@link System#gc()}, which is a request, so they are
 * approximate; {@link CsrMatrix#footprintBytes()} is exact for the arrays (headers excluded).
 */
public final class FootprintReport {
  private FootprintReport() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    long before = usedHeapAfterGc();

    long t0 = System.nanoTime();
    CsrMatrix users = SyntheticInteractions.movieLens20mShape(seed);
    long t1 = System.nanoTime();
    long afterUsers = usedHeapAfterGc();

    long t2 = System.nanoTime();
    CsrMatrix items = users.transpose();
    long t3 = System.nanoTime();
    long afterBoth = usedHeapAfterGc();

    System.out.printf("matrix            %s (seed %d)%n", users, seed);
    System.out.printf("generate          %.2f s%n", (t1 - t0) / 1e9);
    System.out.printf("transpose         %.2f s%n", (t3 - t2) / 1e9);
    report("user x item (CSR)", users);
    report("item x user (CSC)", items);
    long both = users.footprintBytes() + items.footprintBytes();
    System.out.printf(
        "both orientations %,d bytes = %.1f MiB, %.2f bytes/nnz%n",
        both, both / 1048576.0, both / (double) users.nnz());
    System.out.printf("heap before       %,d bytes%n", before);
    System.out.printf(
        "heap +users       %,d bytes (delta %,d)%n", afterUsers, afterUsers - before);
    System.out.printf(
        "heap +transpose   %,d bytes (delta %,d)%n", afterBoth, afterBoth - afterUsers);
    // keep both matrices reachable until after the last measurement
    System.out.println("check             " + (users.nnz() == items.nnz()));
  }

  private static void report(String name, CsrMatrix m) {
    System.out.printf(
        "%s %,d bytes = %.1f MiB, %.2f bytes/nnz (rows %,d)%n",
        name, m.footprintBytes(), m.footprintBytes() / 1048576.0, m.footprintBytes() / (double) m.nnz(),
        m.rows());
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
