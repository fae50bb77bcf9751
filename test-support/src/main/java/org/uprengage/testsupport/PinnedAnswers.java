package org.uprengage.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers to a bad-input corpus pinned in a file on the test class path, one line a case (its
 * request, status and reason), sorted: a case added, removed or answered differently fails the
 * test, which then writes the run's answers to {@code target/<file>} to compare and, once reviewed,
 * copy over.
 */
public final class PinnedAnswers {

  private PinnedAnswers() {}

  /**
   * Asserts that the answers, sorted, are the lines of {@code file} ({@code src/test/resources}).
   */
  public static void assertPinned(List<String> answers, String file) throws IOException {
    List<String> sorted = answers.stream().sorted().toList();
    List<String> pinned;
    try (InputStream lines = PinnedAnswers.class.getResourceAsStream("/" + file)) {
      if (lines == null) {
        throw new AssertionError(file + " is not on the test class path");
      }
      pinned = new String(lines.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    if (sorted.equals(pinned)) {
      return;
    }
    Files.write(Path.of("target", file), sorted, StandardCharsets.UTF_8);
    List<String> unexpected = new ArrayList<>(sorted);
    unexpected.removeAll(pinned);
    List<String> missing = new ArrayList<>(pinned);
    missing.removeAll(sorted);
    throw new AssertionError(
        "answers to the corpus differ from those pinned in "
            + file
            + " (this run's: target/"
            + file
            + ")\nnot pinned:\n  "
            + String.join("\n  ", unexpected)
            + "\npinned, not answered:\n  "
            + String.join("\n  ", missing));
  }
}
