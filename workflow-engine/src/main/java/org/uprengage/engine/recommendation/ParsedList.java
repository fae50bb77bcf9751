package org.uprengage.engine.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rows a list gave, checked one by one as its reader finds them: each is taken or refused with
 * its reason, and a paragraph number given twice is refused the second time.
 */
final class ParsedList {

  private final String format;
  private final StateNames states;
  private final List<ListedRecommendation> rows = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private final Map<String, Integer> seen = new HashMap<>();

  ParsedList(String format, StateNames states) {
    this.format = format;
    this.states = states;
  }

  String format() {
    return format;
  }

  List<ListedRecommendation> rows() {
    return rows;
  }

  List<RejectedRow> rejected() {
    return rejected;
  }

  void reject(int row, String paragraph, String reason) {
    rejected.add(new RejectedRow(row, paragraph, reason));
  }

  /**
   * Checks one recommendation and takes it, or refuses it with the reason.
   *
   * @param stateNames the recommending States as a list of names, or null to take them from the
   *     parentheses of the text, as OHCHR's lists give them
   * @param themesRaw null where the list has no such column; the same for the groups and SDGs
   */
  void add(
      int row,
      String paragraphRaw,
      String textRaw,
      List<String> stateNames,
      String themeHeading,
      List<String> themesRaw,
      List<String> groupsRaw,
      List<String> sdgEntries,
      String positionRaw,
      String sourceRaw) {
    String paragraph = ListText.clean(paragraphRaw);
    String text = ListText.clean(textRaw);
    int order = ListText.paragraphOrder(paragraph);
    if (paragraph.isEmpty()) {
      reject(row, null, "no paragraph number (such as 121.1)");
      return;
    }
    if (order < 0) {
      reject(
          row,
          trimmed(paragraph),
          "'" + trimmed(paragraph) + "' is not a paragraph number such as 121.1");
      return;
    }
    if (text.isEmpty()) {
      reject(row, paragraph, "no recommendation text");
      return;
    }
    if (text.length() > ListText.MAX_TEXT) {
      reject(row, paragraph, "the text is longer than " + ListText.MAX_TEXT + " characters");
      return;
    }
    String position = ListText.position(positionRaw);
    if (position == null) {
      reject(
          row,
          paragraph,
          "position '"
              + trimmed(ListText.clean(positionRaw))
              + "' is not one of Supported, Noted, Supported/Noted or empty (pending)");
      return;
    }
    Recommendation.PositionSource source = null;
    if (!ListText.clean(sourceRaw).isEmpty()) {
      source = ListText.source(sourceRaw);
      if (source == null) {
        reject(
            row,
            paragraph,
            "source of position '"
                + trimmed(ListText.clean(sourceRaw))
                + "' does not start with a document symbol, as in 'A/HRC/43/15/Add.1 - Para. 3'");
        return;
      }
    }
    List<Integer> sdgs = null;
    try {
      if (sdgEntries != null) {
        sdgs = ListText.sdgs(sdgEntries);
      }
    } catch (IllegalArgumentException e) {
      reject(row, paragraph, e.getMessage());
      return;
    }
    List<String> themes = themesRaw == null ? null : ListText.entries(themesRaw);
    List<String> groups = groupsRaw == null ? null : ListText.entries(groupsRaw);
    List<String> names = stateNames == null ? states.inText(text) : ListText.entries(stateNames);
    String tooLong =
        Stream.of(themes, groups, names)
            .filter(Objects::nonNull)
            .flatMap(List::stream)
            .filter(value -> value.length() > ListText.MAX_NAME)
            .findFirst()
            .orElse(null);
    if (tooLong != null) {
      reject(
          row,
          paragraph,
          "a theme, group or State is longer than " + ListText.MAX_NAME + " characters");
      return;
    }
    Integer first = seen.putIfAbsent(paragraph, row);
    if (first != null) {
      reject(row, paragraph, "paragraph " + paragraph + " is already given in row " + first);
      return;
    }
    rows.add(
        new ListedRecommendation(
            row,
            paragraph,
            order,
            text,
            names.stream()
                .map(name -> new Recommendation.RecommendingState(name, states.code(name)))
                .toList(),
            themeHeading == null || themeHeading.isBlank() ? null : ListText.clean(themeHeading),
            themes,
            groups,
            sdgs,
            position,
            source));
  }

  private static String trimmed(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "..." : value;
  }
}
