package org.uprengage.engine.recommendation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.UnsupportedContent;

/**
 * Reads OHCHR's thematic list of recommendations (.docx) in each layout it has had: one table whose
 * header names the columns (2nd and 3rd cycle: Recommendation | Position | Full list of themes |
 * comments; 4th cycle: Recommendation and recommending State | Position of the State under review |
 * Human rights themes and groups of persons | Relevant SDGs), then rows of a {@code Theme: ...}
 * heading or of a recommendation with its source of position.
 */
final class ThematicListDocument {

  static final String FORMAT = "docx";

  private ThematicListDocument() {}

  /**
   * @throws UnsupportedContent where the bytes are not a Word document POI can open
   * @throws InvalidInput where the document holds no table of recommendations
   */
  static ParsedList read(byte[] bytes, StateNames states) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      for (XWPFTable table : document.getTables()) {
        Columns columns = null;
        ParsedList list = new ParsedList(FORMAT, states);
        String heading = null;
        List<XWPFTableRow> rows = table.getRows();
        for (int i = 0; i < rows.size(); i++) {
          List<List<String>> cells = cells(rows.get(i));
          if (columns == null) {
            columns = Columns.of(cells);
            continue;
          }
          String first = cells.isEmpty() ? "" : ListText.clean(String.join(" ", cells.get(0)));
          if (first.regionMatches(true, 0, "Theme:", 0, 6)) {
            heading = first.substring(6).trim();
          } else if (!String.join("", cells.stream().flatMap(List::stream).toList()).isBlank()) {
            recommendation(list, i + 1, cells, columns, heading);
          }
        }
        if (columns != null) {
          return list;
        }
      }
    } catch (InvalidInput problem) {
      throw problem;
    } catch (Exception e) {
      throw new UnsupportedContent(
          "The file is not a Word document (.docx) that can be read ("
              + e.getClass().getSimpleName()
              + "); send OHCHR's thematic list of recommendations as published, or a CSV.");
    }
    throw new InvalidInput(
        "file",
        "is a Word document without a table of recommendations (a header row with a"
            + " 'Recommendation' and a 'Position' column)");
  }

  private static void recommendation(
      ParsedList list, int row, List<List<String>> cells, Columns columns, String heading) {
    List<String> recommendation = columns.cell(cells, columns.recommendation);
    List<String> text = new ArrayList<>();
    String source = "";
    for (String paragraph : recommendation) {
      String clean = ListText.clean(paragraph);
      if (clean.toLowerCase(Locale.ROOT).startsWith("source of position")) {
        source = clean.replaceFirst("(?i)^source of position\\s*:?\\s*", "");
      } else if (!clean.isEmpty()) {
        text.add(clean);
      }
    }
    String[] numbered = ListText.splitLeadingParagraph(String.join(" ", text));
    if (numbered == null) {
      list.reject(row, null, "the recommendation does not start with its paragraph number");
      return;
    }
    List<String> themes = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> sdgs = new ArrayList<>();
    List<String> into = themes;
    List<String> themeLines = new ArrayList<>(columns.cell(cells, columns.themes));
    themeLines.addAll(sdgHeading(columns.cell(cells, columns.sdgs)));
    for (String line : themeLines) {
      String label = ListText.clean(line).toLowerCase(Locale.ROOT).replaceAll("[:\\s]+$", "");
      if (label.equals("sdgs") || label.equals("sdg") || label.equals("relevant sdgs")) {
        into = sdgs;
      } else if (label.equals("affected persons") || label.equals("groups of persons")) {
        into = groups;
      } else {
        into.add(line);
      }
    }
    list.add(
        row,
        numbered[0],
        numbered[1],
        null,
        heading,
        themes,
        groups,
        sdgs,
        String.join(" ", columns.cell(cells, columns.position)),
        source);
  }

  /** The 4th cycle's SDG column, read as if it were the themes column's "SDGs:" part. */
  private static List<String> sdgHeading(List<String> sdgColumn) {
    if (sdgColumn.isEmpty()) {
      return sdgColumn;
    }
    List<String> lines = new ArrayList<>();
    lines.add("SDGs:");
    lines.addAll(sdgColumn);
    return lines;
  }

  private static List<List<String>> cells(XWPFTableRow row) {
    List<List<String>> cells = new ArrayList<>();
    for (XWPFTableCell cell : row.getTableCells()) {
      List<String> paragraphs = new ArrayList<>();
      for (XWPFParagraph paragraph : cell.getParagraphs()) {
        paragraphs.add(paragraph.getText());
      }
      cells.add(paragraphs);
    }
    return cells;
  }

  /** Which column holds what, from the header row; -1 where a layout has no such column. */
  private record Columns(int recommendation, int position, int themes, int sdgs) {

    /** The columns the header names, or null where the row is not such a header. */
    static Columns of(List<List<String>> header) {
      int recommendation = -1;
      int position = -1;
      int themes = -1;
      int sdgs = -1;
      for (int i = 0; i < header.size(); i++) {
        String name = ListText.clean(String.join(" ", header.get(i))).toLowerCase(Locale.ROOT);
        if (recommendation < 0 && name.startsWith("recommendation")) {
          recommendation = i;
        } else if (position < 0 && name.startsWith("position")) {
          position = i;
        } else if (themes < 0 && name.contains("theme")) {
          themes = i;
        } else if (sdgs < 0 && name.contains("sdg")) {
          sdgs = i;
        }
      }
      return recommendation >= 0 && position >= 0
          ? new Columns(recommendation, position, themes, sdgs)
          : null;
    }

    List<String> cell(List<List<String>> cells, int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : List.of();
    }
  }
}
