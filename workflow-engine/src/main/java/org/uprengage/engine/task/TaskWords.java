package org.uprengage.engine.task;

import java.util.List;

/**
 * The words of the texts a drafting or approval task works on, against the word limit of the
 * review's cycle: each agency section it concerns (in the agreed order), and the consolidated text
 * of the latest round (null before the first). {@code limit} is null where the installation set
 * none; {@code overLimit} says whether the consolidated text, or before it the sections together,
 * has more words than the limit.
 */
public record TaskWords(
    List<Section> sections,
    int sectionsTotal,
    Integer consolidated,
    Integer limit,
    boolean overLimit) {

  public TaskWords(List<Section> sections, Integer consolidated, Integer limit) {
    this(
        List.copyOf(sections),
        sections.stream().mapToInt(Section::words).sum(),
        consolidated,
        limit,
        limit != null
            && (consolidated != null
                ? consolidated > limit
                : sections.stream().mapToInt(Section::words).sum() > limit));
  }

  /** One agency's section: its words, 0 while it has no text. */
  public record Section(String agency, int words) {}
}
