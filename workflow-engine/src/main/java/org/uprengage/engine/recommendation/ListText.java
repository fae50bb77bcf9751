package org.uprengage.engine.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules both list formats share: cleaning published text (entities, stray spaces), and reading
 * a paragraph number, a position, its source and SDG goals, each refused with a reason a
 * coordinator can act on.
 */
final class ListText {

  static final int MAX_TEXT = 10_000;
  static final int MAX_NAME = 500;

  private static final Pattern PARAGRAPH = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
  private static final Pattern LEADING_PARAGRAPH =
      Pattern.compile("^(\\d{1,4}\\.\\d{1,4})\\.?\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern SOURCE_SYMBOL = Pattern.compile("^([A-Za-z]+/[^\\s,;]+)");
  private static final Pattern SOURCE_PARAGRAPH =
      Pattern.compile(
          "para(?:graph)?s?\\.?\\s*(\\d[\\w.]*?)\\.?(?=\\s|,|;|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SDG = Pattern.compile("^(?:sdg\\s*)?(\\d{1,3})(?:\\s*-.*)?$");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
      Map.of(
          "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "rsquo", "’",
          "lsquo", "‘", "ndash", "–", "mdash", "—");

  private ListText() {}

  /** The text with entities decoded and runs of white space (non-breaking too) made one space. */
  static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String decoded = raw;
    // Twice: lists have been seen with "&amp;amp;".
    for (int i = 0; i < 2 && decoded.indexOf('&') >= 0; i++) {
      decoded = decodeEntities(decoded);
    }
    return decoded.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
  }

  private static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
      } else if (name.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(name.substring(1)), m.group());
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int value, String original) {
    return Character.isValidCodePoint(value) && value != 0
        ? new String(Character.toChars(value))
        : original;
  }

  /** The paragraph number and the text after it, from text that starts with its number. */
  static String[] splitLeadingParagraph(String text) {
    Matcher m = LEADING_PARAGRAPH.matcher(text);
    return m.matches() ? new String[] {m.group(1), m.group(2).trim()} : null;
  }

  /** A paragraph number as one sortable integer, or -1 where it is not one such as 121.1. */
  static int paragraphOrder(String paragraph) {
    Matcher m = PARAGRAPH.matcher(paragraph);
    return m.matches() ? Integer.parseInt(m.group(1)) * 10_000 + Integer.parseInt(m.group(2)) : -1;
  }

  /** The position as the register writes it, or null where it is not one. */
  static String position(String raw) {
    String value = clean(raw).toLowerCase(Locale.ROOT).replaceAll("\\s*/\\s*", "/");
    if (value.isEmpty()) {
      return Recommendation.PENDING;
    }
    return Recommendation.POSITIONS.contains(value) ? value : null;
  }

  /**
   * "A/HRC/43/15/Add.1 - Para.3" as symbol and paragraph (the last one named, as in
   * "A/HRC/28/15/Add.1, para. 3 - Para. 3"; none where the list names none); null where it does not
   * start with a document symbol.
   */
  static Recommendation.PositionSource source(String raw) {
    String value = clean(raw);
    Matcher symbol = SOURCE_SYMBOL.matcher(value);
    if (!symbol.find()) {
      return null;
    }
    String paragraph = null;
    Matcher m = SOURCE_PARAGRAPH.matcher(value.substring(symbol.end()));
    while (m.find()) {
      paragraph = m.group(1);
    }
    return new Recommendation.PositionSource(symbol.group(1), paragraph);
  }

  /**
   * The SDG goals of entries such as {@code - 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS} or
   * {@code 5}.
   *
   * @throws IllegalArgumentException naming the entry that is not a goal from 1 to 17
   */
  static List<Integer> sdgs(List<String> entries) {
    List<Integer> goals = new ArrayList<>();
    for (String entry : entries) {
      String value = clean(entry).replaceFirst("^-\\s*", "");
      if (value.isEmpty()) {
        continue;
      }
      Matcher m = SDG.matcher(value.toLowerCase(Locale.ROOT));
      int goal = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (goal < 1 || goal > 17) {
        throw new IllegalArgumentException("SDG '" + value + "' is not a goal from 1 to 17");
      }
      if (!goals.contains(goal)) {
        goals.add(goal);
      }
    }
    return goals;
  }

  /** List entries without their leading dash, cleaned, empty ones left out. */
  static List<String> entries(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String entry : raw) {
      String value = clean(entry).replaceFirst("^-\\s*", "");
      if (!value.isEmpty() && !out.contains(value)) {
        out.add(value);
      }
    }
    return out;
  }
}
