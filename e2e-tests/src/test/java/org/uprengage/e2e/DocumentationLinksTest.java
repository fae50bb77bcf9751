package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/ points at a file or folder of the repository, and
 * every anchor into a Markdown file at one of its headings (as GitHub names them).
 */
class DocumentationLinksTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      for (String target : links(document)) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // http, https, mailto: outside the repository
        }
        checked++;
        String problem = problem(document, target);
        if (problem != null) {
          broken.add(ROOT.relativize(document) + ": " + target + " (" + problem + ")");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
    assertThat(checked).as("relative links checked").isGreaterThan(40);
  }

  @Test
  void anchorsFollowGithubsHeadingIds() {
    assertThat(anchor("A walk through one joint submission"))
        .isEqualTo("a-walk-through-one-joint-submission");
    assertThat(anchor("Working with tasks: `show`, filters & pages"))
        .isEqualTo("working-with-tasks-show-filters--pages");
  }

  private static String problem(Path document, String target) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
    if (!resolved.startsWith(ROOT)) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (fragment != null && resolved.toString().endsWith(".md")) {
      if (!headings(resolved).contains(fragment)) {
        return "no heading #" + fragment;
      }
    }
    return null;
  }

  /** The link targets of a Markdown file, leaving out fenced code blocks. */
  private static List<String> links(Path document) {
    List<String> targets = new ArrayList<>();
    boolean inCode = false;
    for (String line : lines(document)) {
      if (line.stripLeading().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      Matcher matcher = LINK.matcher(line);
      while (matcher.find()) {
        targets.add(matcher.group(1));
      }
    }
    return targets;
  }

  private static Set<String> headings(Path document) {
    Set<String> ids = new HashSet<>();
    boolean inCode = false;
    for (String line : lines(document)) {
      if (line.stripLeading().startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode) {
        Matcher matcher = HEADING.matcher(line);
        if (matcher.matches()) {
          String id = anchor(matcher.group(1));
          String unique = id;
          for (int n = 1; !ids.add(unique); n++) {
            unique = id + "-" + n;
          }
        }
      }
    }
    return ids;
  }

  /** GitHub's heading id: lower case, punctuation dropped, each space a hyphen. */
  static String anchor(String heading) {
    return heading
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
        .replace(' ', '-');
  }

  private static List<String> lines(Path document) {
    try {
      return Files.readAllLines(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
