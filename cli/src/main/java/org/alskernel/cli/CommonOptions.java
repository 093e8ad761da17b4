package org.alskernel.cli;

import picocli.CommandLine.Option;

/**
 * Options every command accepts. {@link Cli} looks for {@code --debug} in the raw arguments, so it
 * works even when parsing fails; declaring it here makes picocli accept it and list it in the help.
 */
final class CommonOptions {
  @Option(names = "--debug", description = "print the stack trace of a failure")
  boolean debug;
}
