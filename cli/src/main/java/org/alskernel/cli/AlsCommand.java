package org.alskernel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code als} command; it only holds the subcommands that {@link Cli} adds. */
@Command(
    name = "als",
    mixinStandardHelpOptions = true,
    versionProvider = AlsCommand.Version.class,
    description = "Implicit-feedback ALS: train a model on an interaction file, evaluate it, recommend.",
    footer = {"", "Run with --add-modules jdk.incubator.vector for the SIMD kernels."})
final class AlsCommand implements Runnable {
  @Spec CommandSpec spec;

  /**
   * The version in the jar's manifest (the POM's, written by the build), and the JVM it runs on. Run
   * from a classes folder (a test, an IDE) there is no manifest and the version says so.
   */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AlsCommand.class.getPackage().getImplementationVersion();
      return new String[] {"als " + (v == null ? "(version unknown: not run from als.jar)" : v),
          "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "missing command: train, evaluate, tune, recommend, similar or export");
  }
}
