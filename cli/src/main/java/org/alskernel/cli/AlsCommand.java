package org.alskernel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code als} command; it only holds the subcommands that {@link Cli} adds. */
@Command(
    name = "als",
    mixinStandardHelpOptions = true,
    version = "als (als-kernel) 0.1.0-SNAPSHOT",
    description = "Implicit-feedback ALS: train a model on an interaction file, evaluate it, recommend.",
    footer = {"", "Run with --add-modules jdk.incubator.vector for the SIMD kernels."})
final class AlsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "missing command: train, evaluate, recommend, similar or export");
  }
}
