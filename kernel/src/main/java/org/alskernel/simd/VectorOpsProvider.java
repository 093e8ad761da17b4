package org.alskernel.simd;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the {@link VectorOps} implementation once, on first use, and logs the choice.
 *
 * <p>The Vector API path is used when the {@code jdk.incubator.vector} module is in the boot layer and
 * readable by this code; otherwise the scalar path is used with a warning that names the fix ({@code
 * --add-modules jdk.incubator.vector}) instead of failing with NoClassDefFoundError. The system
 * property {@value #PROPERTY} = {@code scalar} | {@code vector} | {@code auto} (default) forces a path;
 * {@code vector} fails fast when the module is missing.
 */
public final class VectorOpsProvider {
  public static final String PROPERTY = "alskernel.simd";
  private static final System.Logger LOG = System.getLogger("org.alskernel.simd");

  private VectorOpsProvider() {}

  /** The implementation chosen for this JVM. */
  public static VectorOps get() {
    return Holder.INSTANCE;
  }

  /** The scalar implementation, whatever was chosen (for tests and benchmarks). */
  public static VectorOps scalar() {
    return ScalarHolder.INSTANCE;
  }

  /** The Vector API implementation, if the module is readable (for tests and benchmarks). */
  public static Optional<VectorOps> vector() {
    return whyVectorModuleUnusable() == null ? Optional.of(VectorHolder.INSTANCE) : Optional.empty();
  }

  private static final class Holder {
    static final VectorOps INSTANCE = choose();
  }

  private static final class ScalarHolder {
    static final VectorOps INSTANCE = new ScalarOps();
  }

  /** Loaded only after the module check, so PanamaVectorOps never loads without the module. */
  private static final class VectorHolder {
    static final VectorOps INSTANCE = new PanamaVectorOps();
  }

  private static VectorOps choose() {
    String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    String problem = whyVectorModuleUnusable();
    switch (mode) {
      case "scalar" -> {
        LOG.log(Level.INFO, "als-kernel SIMD: scalar kernels (forced by -D{0}=scalar)", PROPERTY);
        return scalar();
      }
      case "vector" -> {
        if (problem != null) {
          throw new IllegalStateException(
              "-D" + PROPERTY + "=vector was given but " + problem
                  + "; start the JVM with --add-modules jdk.incubator.vector");
        }
      }
      case "auto" -> {
        if (problem != null) {
          LOG.log(Level.WARNING,
              "als-kernel SIMD: " + problem + "; using the slower scalar kernels. Fix: start the JVM"
                  + " with --add-modules jdk.incubator.vector");
          return scalar();
        }
      }
      default -> throw new IllegalStateException(
          "-D" + PROPERTY + "=" + mode + " is not one of scalar, vector, auto");
    }
    VectorOps ops = VectorHolder.INSTANCE;
    LOG.log(Level.INFO, "als-kernel SIMD: Vector API, {0} ({1} float lanes)", ops.name(), ops.lanes());
    return ops;
  }

  /** Why the Vector API cannot be used, or null when it can. */
  private static String whyVectorModuleUnusable() {
    Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
    if (module.isEmpty()) {
      return "the module jdk.incubator.vector is not in the boot layer";
    }
    if (!VectorOpsProvider.class.getModule().canRead(module.get())) {
      return "module " + VectorOpsProvider.class.getModule().getName()
          + " cannot read jdk.incubator.vector";
    }
    return null;
  }
}
