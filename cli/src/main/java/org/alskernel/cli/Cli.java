package org.alskernel.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.alskernel.io.ControlCharacters;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code als} tool as a function: {@link #run} parses the arguments, runs one command and returns
 * the exit code, so tests call it with their own streams and {@link Main} only adds {@code
 * System.exit}.
 *
 * <p>Exit codes: 0 success, 2 the arguments are wrong (the message says which), 1 anything else (a
 * missing or malformed file, a corrupted model, an unknown id, training that cannot go on). Every
 * failure is one line on {@code err}; a stack trace only with {@code --debug}.
 */
public final class Cli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Cli() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, out.charset()), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, err.charset()), true);
    try {
      CommandLine cl = commandLine(isTerminal(err));
      cl.setOut(o);
      cl.setErr(e);
      cl.setParameterExceptionHandler((ex, a) -> usageError(ex, e));
      cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(c.getCommandName(), ex, e, debug));
      try {
        ConfigFile.apply(cl, args);
      } catch (RuntimeException ex) {
        CommandLine command = ConfigFile.commandOf(cl, args);
        return failure(command == null ? "als" : command.getCommandName(), ex, e, debug);
      }
      return cl.execute(args);
    } catch (RuntimeException | Error t) {
      // picocli hands exceptions from commands to the handler above; this is for anything it lets out
      return failure("als", t, e, debug);
    } finally {
      o.flush();
      e.flush();
    }
  }

  static CommandLine commandLine(boolean terminal) {
    CommandLine cl = new CommandLine(new AlsCommand());
    cl.addSubcommand("train", new TrainCommand(terminal));
    cl.addSubcommand("evaluate", new EvaluateCommand());
    cl.addSubcommand("recommend", new RecommendCommand());
    cl.addSubcommand("similar", new SimilarCommand());
    cl.addSubcommand("export", new ExportCommand());
    cl.addSubcommand("tune", new TuneCommand());
    // prints a bash/zsh completion script: source <(als generate-completion)
    cl.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
    cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cl;
  }

  /**
   * A progress bar (on stderr, with the other messages) is drawn only on an interactive terminal:
   * the stream must be the process's stderr and the JVM's console a real terminal. Since JDK 22
   * {@code System.console()} is non-null even when output is redirected, so {@code isTerminal()} is
   * what tells them apart.
   */
  private static boolean isTerminal(PrintStream err) {
    Console console = System.console();
    return err == System.err && console != null && console.isTerminal();
  }

  private static int usageError(ParameterException ex, PrintWriter err) {
    CommandLine c = ex.getCommandLine();
    String name = qualifiedName(c);
    // picocli words a few messages (argument groups) as "Error: ..."; the prefix already says so
    String message = ex.getMessage().replaceFirst("^Error: ", "");
    if (ex instanceof UnmatchedArgumentException u && c.getParent() == null && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().getFirst().startsWith("-")) {
      List<String> commands = List.copyOf(c.getSubcommands().keySet());
      message = "unknown command '" + u.getUnmatched().getFirst() + "' (commands: "
          + String.join(", ", commands) + ")";
    }
    err.println(ControlCharacters.escape(name + ": " + message.replace('\n', ' ').strip()
        + " (see '" + name + " --help')"));
    return USAGE;
  }

  private static int failure(String command, Throwable t, PrintWriter err, boolean debug) {
    String name = "als".equals(command) ? "als" : "als " + command;
    err.println(ControlCharacters.escape(name + ": " + ErrorMessages.describe(t)));
    if (debug) {
      t.printStackTrace(err);
    }
    return FAILED;
  }

  private static String qualifiedName(CommandLine c) {
    return c.getParent() == null ? "als" : "als " + c.getCommandName();
  }
}
