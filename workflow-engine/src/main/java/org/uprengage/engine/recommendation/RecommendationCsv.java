package org.uprengage.engine.recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uprengage.engine.problem.InvalidInput;

/**
 * Reads the documented CSV (RFC 4180, UTF-8 with or without a byte order mark): a header row, then
 * one recommendation a row. Columns, in any order: {@code paragraph} and {@code text} (required),
 * {@code recommending_states}, {@code theme}, {@code themes}, {@code groups_of_persons}, {@code
 * sdgs}, {@code position}, {@code position_source}; lists within a cell are separated by {@code ;}.
 */
final class RecommendationCsv {

  static final String FORMAT = "csv";
  static final List<String> COLUMNS =
      List.of(
          "paragraph",
          "text",
          "recommending_states",
          "theme",
          "themes",
          "groups_of_persons",
          "sdgs",
          "position",
          "position_source");
  private static final List<String> REQUIRED = List.of("paragraph", "text");

  private RecommendationCsv() {}

  /**
   * @param text the file decoded, its byte order mark removed
   * @throws InvalidInput where the header is not the documented one, or a quote is never closed
   */
  static ParsedList read(String text, StateNames states) {
    List<Record> records = records(text);
    if (records.isEmpty()) {
      throw new InvalidInput("file", "is empty; the first line is the header: " + COLUMNS);
    }
    Map<String, Integer> columns = header(records.get(0).fields());
    ParsedList list = new ParsedList(FORMAT, states);
    for (Record record : records.subList(1, records.size())) {
      List<String> fields = record.fields();
      if (fields.size() == 1 && fields.get(0).isBlank()) {
        continue;
      }
      if (fields.size() != columns.size()) {
        list.reject(
            record.line(),
            null,
            "has " + fields.size() + " fields where the header has " + columns.size());
        continue;
      }
      list.add(
          record.line(),
          field(fields, columns, "paragraph"),
          field(fields, columns, "text"),
          columns.containsKey("recommending_states")
              ? items(field(fields, columns, "recommending_states"))
              : null,
          columns.containsKey("theme") ? field(fields, columns, "theme") : null,
          optionalItems(fields, columns, "themes"),
          optionalItems(fields, columns, "groups_of_persons"),
          optionalItems(fields, columns, "sdgs"),
          field(fields, columns, "position"),
          field(fields, columns, "position_source"));
    }
    return list;
  }

  private static Map<String, Integer> header(List<String> names) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        throw new InvalidInput(
            "file",
            "has the column '"
                + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                + "' in its header, which is not one of "
                + COLUMNS);
      }
      if (columns.putIfAbsent(name, i) != null) {
        throw new InvalidInput("file", "names the column '" + name + "' twice in its header");
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw new InvalidInput(
            "file", "has no column '" + required + "' in its header (the first line)");
      }
    }
    return columns;
  }

  private static String field(List<String> fields, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null ? "" : fields.get(index);
  }

  /** The cell's items, none where it is empty; null where the file has no such column. */
  private static List<String> optionalItems(
      List<String> fields, Map<String, Integer> columns, String name) {
    return columns.containsKey(name) ? items(field(fields, columns, name)) : null;
  }

  private static List<String> items(String cell) {
    return cell.isBlank() ? List.of() : Arrays.asList(cell.split(";"));
  }

  /** The records of RFC 4180 text, each with the line it starts on; CRLF or LF ends a record. */
  private static List<Record> records(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    int quoteLine = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
        quoteLine = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      } else if (c == '\n') {
        fields.add(field.toString());
        records.add(new Record(recordLine, List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new InvalidInput(
          "file", "has a quote opened on line " + quoteLine + " that is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }

  private record Record(int line, List<String> fields) {}
}
