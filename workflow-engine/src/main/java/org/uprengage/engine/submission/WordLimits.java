package org.uprengage.engine.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The word limits of submissions to OHCHR ({@code upr.submission.word-limits.<cycle>.<type>}), set
 * per installation, UPR cycle and submission type. OHCHR publishes no word limit for UN entities'
 * submissions that this project could cite, so there is none until an installation sets one.
 */
@ConfigurationProperties("upr.submission")
public record WordLimits(Map<Integer, Map<String, Integer>> wordLimits) {

  /** The UN country team's joint submission: the one this platform prepares. */
  public static final String UNCT_JOINT = "unct-joint";

  public static final List<String> TYPES =
      List.of(UNCT_JOINT, "unct-single", "un-entity-joint", "un-entity-single");

  public WordLimits {
    Map<Integer, Map<String, Integer>> limits = new HashMap<>();
    if (wordLimits != null) {
      wordLimits.forEach(
          (cycle, byType) -> {
            byType.forEach(
                (type, words) -> {
                  if (!TYPES.contains(type)) {
                    throw new IllegalArgumentException(
                        "upr.submission.word-limits."
                            + cycle
                            + "."
                            + type
                            + ": no such submission type; known: "
                            + TYPES);
                  }
                  if (words == null || words < 1) {
                    throw new IllegalArgumentException(
                        "upr.submission.word-limits." + cycle + "." + type + " must be 1 or more");
                  }
                });
            limits.put(cycle, Map.copyOf(byType));
          });
    }
    wordLimits = Map.copyOf(limits);
  }

  /** The limit of a submission type in a cycle, if the installation set one. */
  public Optional<Integer> limit(int cycle, String type) {
    return Optional.ofNullable(wordLimits.getOrDefault(cycle, Map.of()).get(type));
  }

  /** The words of a text: runs of characters between white space that hold a letter or digit. */
  public static int words(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    int words = 0;
    for (String token : text.strip().split("\\s+")) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words++;
      }
    }
    return words;
  }
}
