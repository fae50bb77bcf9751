package org.uprengage.engine.recommendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;

/**
 * Builds a review's implementation matrix from the register (one query, the latest counted
 * narrative of each recommendation joined in) and writes it as CSV or as a Word document.
 */
@Service
public class ImplementationMatrices {

  public static final List<String> GROUPINGS = List.of("theme", "sdg", "agency");
  static final String NO_THEME = "No theme";
  static final String NO_SDG = "No SDG";
  static final String NOT_ASSIGNED = "No lead agency";
  private static final List<String> CSV_HEADER =
      List.of(
          "group",
          "paragraph",
          "text",
          "recommending_states",
          "position",
          "lead_agency",
          "supporting_agencies",
          "status",
          "status_as_of",
          "latest_narrative");

  private final JdbcTemplate jdbc;
  private final ReviewWorkflow reviews;

  ImplementationMatrices(JdbcTemplate jdbc, ReviewWorkflow reviews) {
    this.jdbc = jdbc;
    this.reviews = reviews;
  }

  /** The review's matrix, grouped as asked ({@code theme} where not said). */
  @Transactional(readOnly = true)
  public ImplementationMatrix of(Caller caller, UUID reviewId, String groupBy) {
    Review review =
        reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    String grouping = groupBy == null ? "theme" : groupBy;
    if (!GROUPINGS.contains(grouping)) {
      throw new InvalidInput("groupBy", "must be one of " + GROUPINGS);
    }
    Map<String, List<ImplementationMatrix.Row>> groups = new LinkedHashMap<>();
    Map<Integer, List<ImplementationMatrix.Row>> bySdg = new TreeMap<>();
    Map<String, List<ImplementationMatrix.Row>> byAgency = new TreeMap<>();
    List<ImplementationMatrix.Row> without = new ArrayList<>();
    jdbc.query(
        """
        SELECT r.*, latest.narrative AS latest_narrative
        FROM upr_recommendation r
        LEFT JOIN LATERAL (
            SELECT p.narrative FROM upr_recommendation_progress p
            WHERE p.recommendation_id = r.id AND p.clearance IN ('not-required', 'cleared')
            ORDER BY p.as_of DESC, p.number DESC LIMIT 1) latest ON true
        WHERE r.review_id = ?
        ORDER BY r.paragraph_order
        """,
        rs -> {
          Recommendation recommendation = RecommendationRegister.row(rs, 0);
          ImplementationMatrix.Row row = row(recommendation, rs.getString("latest_narrative"));
          switch (grouping) {
            case "sdg" -> {
              if (recommendation.sdgs().isEmpty()) {
                without.add(row);
              }
              recommendation
                  .sdgs()
                  .forEach(sdg -> bySdg.computeIfAbsent(sdg, k -> new ArrayList<>()).add(row));
            }
            case "agency" -> {
              if (recommendation.leadAgency() == null) {
                without.add(row);
              } else {
                byAgency
                    .computeIfAbsent(recommendation.leadAgency(), k -> new ArrayList<>())
                    .add(row);
              }
            }
            default -> {
              if (recommendation.themeHeading() == null) {
                without.add(row);
              } else {
                groups
                    .computeIfAbsent(recommendation.themeHeading(), k -> new ArrayList<>())
                    .add(row);
              }
            }
          }
        },
        reviewId);
    bySdg.forEach((sdg, rows) -> groups.put("SDG " + sdg, rows));
    groups.putAll(byAgency);
    if (!without.isEmpty()) {
      groups.put(
          switch (grouping) {
            case "sdg" -> NO_SDG;
            case "agency" -> NOT_ASSIGNED;
            default -> NO_THEME;
          },
          without);
    }
    List<ImplementationMatrix.Group> listed = new ArrayList<>();
    groups.forEach((heading, rows) -> listed.add(new ImplementationMatrix.Group(heading, rows)));
    return new ImplementationMatrix(
        reviewId, review.country(), review.session(), grouping, List.copyOf(listed));
  }

  /** The matrix as CSV (RFC 4180, UTF-8, CRLF), one line a recommendation in its group. */
  public static byte[] csv(ImplementationMatrix matrix) {
    StringBuilder out = new StringBuilder();
    line(out, CSV_HEADER);
    for (ImplementationMatrix.Group group : matrix.groups()) {
      for (ImplementationMatrix.Row row : group.recommendations()) {
        line(out, cells(group.heading(), row));
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The matrix as a Word document: a title, then per group a heading and a table. */
  public static byte[] docx(ImplementationMatrix matrix) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      text(document, "Implementation matrix", 16, true);
      text(
          document,
          "Review of "
              + matrix.country()
              + ", UPR Working Group session "
              + matrix.session()
              + "; recommendations by "
              + (matrix.groupBy().equals("agency")
                  ? "lead agency"
                  : matrix.groupBy().equals("sdg") ? "SDG" : "theme"),
          11,
          false);
      for (ImplementationMatrix.Group group : matrix.groups()) {
        text(document, group.heading(), 13, true);
        XWPFTable table = document.createTable(1, 7);
        fill(
            table.getRow(0),
            List.of(
                "Paragraph",
                "Recommendation",
                "Recommending States",
                "Position",
                "Lead agency (supporting)",
                "Status",
                "Latest progress"),
            true);
        for (ImplementationMatrix.Row row : group.recommendations()) {
          fill(
              table.createRow(),
              List.of(
                  row.paragraph(),
                  row.text(),
                  String.join(", ", row.recommendingStates()),
                  row.position(),
                  agencies(row),
                  row.status() + (row.statusAsOf() == null ? "" : " (" + row.statusAsOf() + ")"),
                  row.latestNarrative() == null ? "" : row.latestNarrative()),
              false);
        }
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImplementationMatrix.Row row(Recommendation r, String narrative) {
    return new ImplementationMatrix.Row(
        r.paragraph(),
        r.text(),
        r.recommendingStates().stream().map(Recommendation.RecommendingState::name).toList(),
        r.position(),
        r.leadAgency(),
        r.supportingAgencies(),
        r.status(),
        r.statusAsOf(),
        narrative);
  }

  private static List<String> cells(String group, ImplementationMatrix.Row row) {
    return List.of(
        group,
        row.paragraph(),
        row.text(),
        String.join("; ", row.recommendingStates()),
        row.position(),
        row.leadAgency() == null ? "" : row.leadAgency(),
        String.join("; ", row.supportingAgencies()),
        row.status(),
        row.statusAsOf() == null ? "" : row.statusAsOf().toString(),
        row.latestNarrative() == null ? "" : row.latestNarrative());
  }

  private static String agencies(ImplementationMatrix.Row row) {
    if (row.leadAgency() == null) {
      return "";
    }
    return row.supportingAgencies().isEmpty()
        ? row.leadAgency()
        : row.leadAgency() + " (" + String.join(", ", row.supportingAgencies()) + ")";
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String cell = cells.get(i);
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append("\r\n");
  }

  private static void text(XWPFDocument document, String text, int size, boolean bold) {
    XWPFParagraph paragraph = document.createParagraph();
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
  }

  private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
    for (int i = 0; i < cells.size(); i++) {
      XWPFParagraph paragraph = row.getCell(i).getParagraphs().get(0);
      XWPFRun run = paragraph.createRun();
      run.setText(cells.get(i));
      run.setBold(bold);
    }
  }
}
