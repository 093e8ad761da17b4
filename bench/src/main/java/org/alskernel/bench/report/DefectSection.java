package org.alskernel.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists kernel benchmarks that allocate per operation. The kernels promise no allocation per row
 * (workspaces are reused), so anything above a few bytes per row kernel call, or per row of a sweep,
 * is reported as a defect; a few bytes of slack absorb the profiler's own noise.
 */
final class DefectSection {
  /** Bytes per call a single-row kernel may show before it counts as allocating. */
  static final double ROW_KERNEL_THRESHOLD = 16;
  /** Bytes per solved row a sweep may show: per-sweep buffers amortised over the rows stay below it. */
  static final double SWEEP_PER_ROW_THRESHOLD = 16;
  /**
   * Bytes per second a row kernel may show: JMH itself allocates about 6–7 KB per measurement
   * iteration, which a slow kernel (a few ops per iteration) shows as tens to thousands of bytes per
   * op, always at some 10–15 KB/s. An allocation per call is far above this (a boxed vector per row
   * is MB/s to GB/s).
   */
  static final double ROW_KERNEL_BYTES_PER_SECOND = 64 * 1024;

  private DefectSection() {}

  /** One defect: the benchmark, its params, bytes per op, bytes per row (NaN for row kernels). */
  record Defect(String benchmark, String params, double bytesPerOp, double bytesPerRow) {}

  static List<Defect> find(RowIndex index) {
    List<Defect> out = new ArrayList<>();
    for (String kernel : KernelSection.KERNELS) {
      for (SummaryRow r : index.of(kernel)) {
        if (r.allocBytesPerOp() > ROW_KERNEL_THRESHOLD
            && r.allocBytesPerOp() / r.secondsPerOp() > ROW_KERNEL_BYTES_PER_SECOND) {
          out.add(new Defect(r.benchmark(), r.paramsText(), r.allocBytesPerOp(), Double.NaN));
        }
      }
    }
    for (String method : List.of("userHalfSweep", "iteration")) {
      for (SummaryRow r : index.of(SweepSection.SWEEP + "." + method)) {
        double perRow = r.allocBytesPerOp() / rowsSolved(r, method);
        if (perRow > SWEEP_PER_ROW_THRESHOLD) {
          out.add(new Defect(r.benchmark(), r.paramsText(), r.allocBytesPerOp(), perRow));
        }
      }
    }
    return out;
  }

  /** Users for a user half-sweep, users and items for an iteration; NaN for an unknown dataset. */
  static double rowsSolved(SummaryRow r, String method) {
    DatasetShapes.Shape s = DatasetShapes.of(r.param("data"));
    if (s == null) {
      return Double.NaN;
    }
    return method.equals("iteration") ? s.users() + s.items() : s.users();
  }

  static void append(StringBuilder md, RowIndex index, SuitePlan plan) {
    md.append("## Defects\n\n")
        .append("Allocation per operation in a kernel is reported as a defect: the row kernels"
            + " (RowBuild, Cholesky, Gram, RowSolve) above ")
        .append(Fmt.num(ROW_KERNEL_THRESHOLD)).append(" B/op and above ")
        .append(Fmt.num(ROW_KERNEL_BYTES_PER_SECOND / 1024))
        .append(" KB/s (JMH's own 6–7 KB per measurement iteration shows in slow kernels as many"
            + " bytes per op, but never above 15 KB/s), the kernel sweeps above ")
        .append(Fmt.num(SWEEP_PER_ROW_THRESHOLD))
        .append(" B per solved row (gc.alloc.rate.norm from `-prof gc`).\n\n");
    if (plan.smoke()) {
      md.append("Not checked: a smoke run has no warm-up, so its allocation includes class loading and"
          + " compilation.\n\n");
      return;
    }
    boolean measured = false;
    for (SummaryRow r : index.all()) {
      measured |= Double.isFinite(r.allocBytesPerOp());
    }
    if (!measured) {
      md.append("Not checked: the run had no GC profiler (`-prof gc`), so allocation was not measured.\n\n");
      return;
    }
    List<Defect> defects = find(index);
    if (defects.isEmpty()) {
      md.append("None: no kernel benchmark allocated above its threshold.\n\n");
      return;
    }
    MdTable t = new MdTable("benchmark", "params", "B/op", "B per row");
    for (Defect d : defects) {
      t.row(d.benchmark(), d.params(), Fmt.num(d.bytesPerOp()), Fmt.num(d.bytesPerRow()));
    }
    t.appendTo(md);
  }
}
