package org.alskernel.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A settings file for {@code train --config} and {@code evaluate --config}: one {@code name = value}
 * per line, the name a training option's without its dashes ({@code lambda = 100}), {@code #} starting
 * a comment. Its values are the options' defaults, so an option given on the command line wins.
 * {@code als tune --out} writes one.
 */
final class ConfigFile {
  static final String OPTION = "--config";

  private ConfigFile() {}

  /**
   * If {@code args} run a command that takes {@code --config} and name a file, reads it and makes
   * its values that command's defaults. A file that cannot be read, a malformed line, an unknown or
   * repeated name, or a value of the wrong type fails here, naming the file and line.
   */
  static void apply(CommandLine root, String[] args) {
    CommandLine command = commandOf(root, args);
    if (command == null || command.getCommandSpec().findOption(OPTION) == null) {
      return;
    }
    Path file = null;
    boolean past = false; // past the command's name
    for (int a = 0; a < args.length; a++) {
      if (!past) {
        past = !args[a].startsWith("-");
      } else if (args[a].equals(OPTION) && a + 1 < args.length) {
        file = Path.of(args[a + 1]);
      } else if (args[a].startsWith(OPTION + "=")) {
        file = Path.of(args[a].substring(OPTION.length() + 1));
      }
    }
    if (file != null) {
      Map<String, String> values = read(file, settings(command));
      command.setDefaultValueProvider(defaults(values));
    }
  }

  /** The subcommand {@code args} run (their first word that is not an option), or null. */
  static CommandLine commandOf(CommandLine root, String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return root.getSubcommands().get(a);
      }
    }
    return null;
  }

  /** The options a file may set: the training options, by name without dashes. */
  private static Map<String, OptionSpec> settings(CommandLine command) {
    Map<String, OptionSpec> out = new LinkedHashMap<>();
    CommandLine.Model.CommandSpec training = command.getCommandSpec().mixins().get("training");
    for (OptionSpec o : training.options()) {
      String name = o.longestName().replaceFirst("^-+", "");
      if (!o.longestName().equals(OPTION)) {
        out.put(name, o);
      }
    }
    return out;
  }

  static Map<String, String> read(Path file, Map<String, OptionSpec> settings) {
    if (Files.isDirectory(file)) {
      throw new Failure(file + ": is a directory, not a settings file");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new Failure(file + ": is not UTF-8 text");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Failure(file + ": no such file (the --config settings file)");
    } catch (IOException e) {
      throw new Failure(file + ": cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      String where = file + ":" + (n + 1) + ": ";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new Failure(where + "expected 'name = value', got '" + line + "'");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      OptionSpec option = settings.get(name);
      if (option == null) {
        throw new Failure(where + "unknown setting '" + name + "' (settings: "
            + String.join(", ", new TreeSet<>(settings.keySet())) + ")");
      }
      if (values.put(name, value) != null) {
        throw new Failure(where + "'" + name + "' is set twice");
      }
      checkType(where, name, value, option.type());
    }
    return values;
  }

  /** Numbers are checked here, so a typo names its line; names (variant, solver) by their option. */
  private static void checkType(String where, String name, String value, Class<?> type) {
    try {
      if (type == float.class || type == Float.class) {
        Float.parseFloat(value);
      } else if (type == int.class || type == Integer.class) {
        Integer.parseInt(value);
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(value);
      }
    } catch (NumberFormatException e) {
      throw new Failure(where + name + " = '" + value + "' is not a" + (type == float.class
          || type == Float.class ? " number" : "n integer"));
    }
  }

  private static IDefaultValueProvider defaults(Map<String, String> values) {
    return (ArgSpec arg) -> arg instanceof OptionSpec o
        ? values.get(o.longestName().replaceFirst("^-+", "")) : null;
  }
}
