package org.alskernel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alskernel.data.IdMap;

/**
 * A file of ids, one per line, as {@code --users} and {@code --exclude-items} take them: surrounding
 * spaces are ignored, and so are empty lines and lines starting with {@code #}.
 */
final class IdList {
  private IdList() {}

  /** The model's indices of the listed ids, in file order; an unknown id fails naming its line. */
  static int[] indices(Path file, IdMap ids, String kind, Path model) throws IOException {
    List<Integer> found = new ArrayList<>();
    forEach(file, (line, id) -> {
      int index = ids.indexOf(id);
      if (index < 0) {
        throw new Failure(file + ":" + line + ": unknown " + kind + " id '" + id + "' (not in " + model
            + ")");
      }
      found.add(index);
    });
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The model's indices of the listed ids it has; {@code unknown[0]} counts those it lacks. */
  static int[] knownIndices(Path file, IdMap ids, int[] unknown) throws IOException {
    List<Integer> found = new ArrayList<>();
    forEach(file, (line, id) -> {
      int index = ids.indexOf(id);
      if (index < 0) unknown[0]++;
      else found.add(index);
    });
    return found.stream().mapToInt(Integer::intValue).distinct().toArray();
  }

  private interface LineConsumer {
    void accept(int line, String id);
  }

  private static void forEach(Path file, LineConsumer consumer) throws IOException {
    int line = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        line++;
        String id = s.strip();
        if (!id.isEmpty() && !id.startsWith("#")) consumer.accept(line, id);
      }
    } catch (CharacterCodingException e) {
      throw new Failure(file + ":" + (line + 1) + ": not UTF-8 text");
    }
  }
}
