package org.uprengage.engine.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names of States as OHCHR's lists write them (table {@code upr_state_name}) and their ISO
 * 3166-1 alpha-3 codes; and which parentheses of a recommendation name its recommending States.
 */
@Component
class StateNames {

  private final JdbcTemplate jdbc;
  private volatile Map<String, String> codes;

  StateNames(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The State's code, or null where the name is not a State's the register knows. */
  String code(String name) {
    return codes().get(key(name));
  }

  /**
   * The recommending States of a recommendation as published: the names in the parentheses that
   * close a sentence ({@code ... (France) (Lithuania);}, {@code ... (Spain, Tunisia, Portugal);}),
   * where at least one of the names is a State's; where none is, the last such parentheses.
   * Parentheses inside a name ({@code Bolivia (Plurinational State of)}) stay part of it.
   */
  List<String> inText(String text) {
    List<String> found = new ArrayList<>();
    List<String> lastGroup = List.of();
    for (String group : closingGroups(text)) {
      List<String> names = split(group);
      lastGroup = names;
      if (names.stream().anyMatch(name -> code(name) != null)) {
        found.addAll(names);
      }
    }
    return found.isEmpty() ? lastGroup : found;
  }

  /** The names of one parenthesis, split at its commas and, between States, at "and". */
  private List<String> split(String group) {
    List<String> names = new ArrayList<>();
    for (String part : topLevel(group, ',')) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (code(name) == null && name.contains(" and ")) {
        List<String> pieces = List.of(name.split("\\s+and\\s+"));
        if (pieces.stream().allMatch(piece -> code(piece) != null)) {
          pieces.forEach(piece -> names.add(piece.trim()));
          continue;
        }
      }
      names.add(name);
    }
    return names;
  }

  /** The contents of the top-level parentheses followed by ; . , another ( or the end. */
  private static List<String> closingGroups(String text) {
    List<String> groups = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        if (depth++ == 0) {
          start = i + 1;
        }
      } else if (c == ')' && depth > 0 && --depth == 0) {
        int next = i + 1;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next == text.length() || ";.,(".indexOf(text.charAt(next)) >= 0) {
          groups.add(text.substring(start, i));
        }
      }
    }
    return groups;
  }

  private static List<String> topLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == separator && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private Map<String, String> codes() {
    Map<String, String> loaded = codes;
    if (loaded == null) {
      Map<String, String> read = new HashMap<>();
      jdbc.query(
          "SELECT name, code FROM upr_state_name",
          rs -> {
            read.putIfAbsent(key(rs.getString("name")), rs.getString("code"));
          });
      codes = loaded = Map.copyOf(read);
    }
    return loaded;
  }

  /** Names compare without case, with either apostrophe, and without a leading "the". */
  private static String key(String name) {
    return name.trim()
        .replace('’', '\'')
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT)
        .replaceFirst("^the ", "");
  }
}
