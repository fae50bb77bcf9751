package org.uprengage.engine.people;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, records by CRLF or LF, a field in double quotes
 * may hold commas, line breaks and doubled quotes. A leading UTF-8 byte order mark is dropped. Each
 * record knows the line it starts on, for the import's answer.
 */
final class CsvRecords {

  private CsvRecords() {}

  /** One record: the line it starts on and its fields. */
  record CsvRecord(int line, List<String> fields) {}

  /**
   * The records of {@code text}; blank lines are skipped.
   *
   * @throws IllegalArgumentException where a quoted field is not closed, or text follows a closing
   *     quote, with the line
   */
  static List<CsvRecord> parse(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean afterQuote = false;
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        addUnlessBlank(records, recordLine, fields);
        fields = new ArrayList<>();
        field.setLength(0);
        afterQuote = false;
        line++;
        recordLine = line;
      } else if (c == '"' && field.isEmpty() && !afterQuote) {
        quoted = true;
      } else if (afterQuote) {
        throw new IllegalArgumentException(
            "line " + line + ": text after a closing quote (a quote inside a field is doubled)");
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException(
          "line " + recordLine + ": a quoted field is not closed before the end");
    }
    if (!field.isEmpty() || !fields.isEmpty() || afterQuote) {
      fields.add(field.toString());
      addUnlessBlank(records, recordLine, fields);
    }
    return records;
  }

  private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
    if (fields.size() == 1 && fields.get(0).isBlank()) {
      return;
    }
    records.add(new CsvRecord(line, List.copyOf(fields)));
  }
}
