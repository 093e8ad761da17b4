package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script picocli generates, loaded into a real bash and asked to complete. */
class CompletionTest {
  @TempDir Path dir;

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    String script = CliRun.of("generate-completion").ok().out();
    assertTrue(script.contains("complete -F _complete_als -o default als"), "a bash completion for als");
    Path file = Files.writeString(dir.resolve("als-completion.bash"), script);
    assertEquals("train", complete(file, "als tr"));
    assertEquals("--all-users", complete(file, "als recommend --all"));
    assertEquals("implicit implicit-biased", complete(file, "als train --variant impl"));
    assertEquals("json", complete(file, "als evaluate --output js"));
    // each option's values of its own, also where two options share a command
    assertEquals("cholesky", complete(file, "als evaluate --solver ch"));
    assertEquals("leave-k-out", complete(file, "als evaluate --split l"));
    assertEquals("ml-100k ml-dat ml-csv", complete(file, "als recommend --format ml"));
  }

  /** What bash offers for the last word of {@code line}, as the completion function leaves it. */
  private static String complete(Path script, String line) throws Exception {
    String[] words = line.split(" ");
    String bash = "source '" + script + "'\n"
        + "compopt() { :; }  # it works only inside a completion bash itself started\n"
        + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "';"
        + " COMP_POINT=" + line.length() + "\n"
        + "_complete_als\n"
        + "echo \"${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
