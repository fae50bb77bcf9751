package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * Importing lists of recommendations through the API: OHCHR's two real thematic lists (2nd and 3rd
 * cycle), the 4th cycle's layout, the CSV with bad rows, re-imports and corrections, and files that
 * are not lists.
 */
class RecommendationImportTest extends EngineIntegrationTest {

  static final String SECOND_CYCLE = "UPR20__Slovenia_ThematicListRecommendations_E.docx";
  static final String THIRD_CYCLE = "UPR34_Slovenia_Thematic_list_of_Recommendations.docx";

  @Autowired RecommendationRegister register;

  @Test
  void theSecondCycleListImportsEveryRecommendationWithItsPositionAndStates() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));

    upload(review, fixture(SECOND_CYCLE), coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("docx"))
        .andExpect(jsonPath("$.added").value(163))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.rejected", hasSize(0)))
        .andExpect(jsonPath("$.recommendations").value(163));

    assertThat(register.counts(UUID.fromString(review)))
        .contains(new RecommendationRegister.Counts(163, 142, 21, 0, 0));
    assertThat(paragraphs(review)).hasSize(163).allMatch(p -> p.matches("115\\.\\d{1,3}"));
    assertEveryStateNamed(review);
    assertThat(states(review, "115.4"))
        .containsExactly(
            Map.of("name", "Spain", "code", "ESP"),
            Map.of("name", "Tunisia", "code", "TUN"),
            Map.of("name", "Portugal", "code", "PRT"));
    Map<String, Object> first = row(review, "115.1");
    assertThat(first.get("theme_heading")).isEqualTo("A12 Acceptance of international norms");
    assertThat(first.get("position_symbol")).isEqualTo("A/HRC/28/15/Add.1");
    assertThat(first.get("position_paragraph")).isEqualTo("3");
    assertThat(array(first.get("groups_of_persons"))).containsExactly("general");
  }

  @Test
  void theThirdCycleListImportsExactlyAndAgainChangesNothing() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));
    byte[] list = fixture(THIRD_CYCLE);

    upload(review, list, coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(215))
        .andExpect(jsonPath("$.rejected", hasSize(0)));
    assertThat(register.counts(UUID.fromString(review)))
        .contains(new RecommendationRegister.Counts(215, 182, 33, 0, 0));
    assertThat(paragraphs(review)).hasSize(215).allMatch(p -> p.matches("12[12]\\.\\d{1,3}"));
    assertEveryStateNamed(review);
    assertThat(states(review, "121.1"))
        .containsExactly(
            Map.of("name", "France", "code", "FRA"), Map.of("name", "Lithuania", "code", "LTU"));
    assertThat(states(review, "121.2"))
        .containsExactly(
            Map.of("name", "Ukraine", "code", "UKR"), Map.of("name", "Slovakia", "code", "SVK"));
    Map<String, Object> ilo = row(review, "121.3");
    assertThat(array(ilo.get("themes")))
        .contains("Right to work and to just & favorable conditions of work & labour rights");
    assertThat(array(ilo.get("sdgs"))).containsExactly(8);
    assertThat(ilo.get("position_symbol")).isEqualTo("A/HRC/43/15");
    assertThat(ilo.get("position_paragraph")).isEqualTo("121");
    assertThat(row(review, "122.1").get("position_symbol")).isEqualTo("A/HRC/43/15/Add.1");
    assertThat(jdbc.queryForList("SELECT text FROM upr_recommendation", String.class))
        .noneMatch(text -> text.contains("&amp;") || text.contains("  "));
    String before =
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_recommendation WHERE review_id = ?::uuid ORDER BY paragraph",
                review));

    upload(review, list, coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(0))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.unchanged").value(215));
    assertThat(
            String.valueOf(
                jdbc.queryForList(
                    "SELECT * FROM upr_recommendation WHERE review_id = ?::uuid ORDER BY paragraph",
                    review)))
        .isEqualTo(before);
    assertThat(outboxTypes(review)).filteredOn(RecommendationsImported.TYPE::equals).hasSize(2);
  }

  @Test
  void aCorrectedListUpdatesByParagraphAndLeavesTheRestAsItWas() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));
    upload(review, fixture(THIRD_CYCLE), coordinator(team)).andExpect(status().isOk());
    Object untouched = row(review, "121.2").get("updated_at");

    String corrected =
        "paragraph,text,position,position_source\n"
            + "121.1,Ratify the International Convention for the Protection of All Persons from"
            + " Enforced Disappearance (France) (Lithuania) (Chile);,Supported,A/HRC/43/15 - Para 121\n"
            + "122.155,,Noted,\n";
    raw(review, corrected.getBytes(StandardCharsets.UTF_8), "text/csv", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("csv"))
        .andExpect(jsonPath("$.added").value(0))
        .andExpect(jsonPath("$.updated").value(1))
        .andExpect(jsonPath("$.rejected[0].row").value(3))
        .andExpect(jsonPath("$.rejected[0].paragraph").value("122.155"))
        .andExpect(jsonPath("$.rejected[0].reason").value("no recommendation text"))
        .andExpect(jsonPath("$.recommendations").value(215));
    assertThat(states(review, "121.1")).extracting(s -> s.get("code")).contains("CHL");
    assertThat(row(review, "121.2").get("updated_at")).isEqualTo(untouched);
  }

  @Test
  void theFourthCycleLayoutGivesGroupsOfPersonsAndSdgs() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));

    upload(review, fourthCycleList(), coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(3))
        .andExpect(jsonPath("$.rejected", hasSize(1)))
        .andExpect(jsonPath("$.rejected[0].row").value(6))
        .andExpect(jsonPath("$.rejected[0].reason").value(containsString("SDG '19")));

    Map<String, Object> women = row(review, "140.12");
    assertThat(women.get("text"))
        .isEqualTo(
            "Strengthen measures to combat violence against women & girls (Bolivia (Plurinational"
                + " State of)) (Türkiye);");
    assertThat(women.get("theme_heading")).isEqualTo("Women's rights");
    assertThat(array(women.get("groups_of_persons"))).containsExactly("Women & girls", "Children");
    assertThat(array(women.get("sdgs"))).containsExactly(5, 16);
    assertThat(states(review, "140.12"))
        .containsExactly(
            Map.of("name", "Bolivia (Plurinational State of)", "code", "BOL"),
            Map.of("name", "Türkiye", "code", "TUR"));
    assertThat(women.get("position_symbol")).isEqualTo("A/HRC/59/15/Add.1");
    assertThat(women.get("position_paragraph")).isEqualTo("3");
    assertThat(row(review, "140.13").get("position")).isEqualTo("supported/noted");
    assertThat(row(review, "140.14").get("position")).isEqualTo("pending");
    assertThat(register.counts(UUID.fromString(review)))
        .contains(new RecommendationRegister.Counts(3, 1, 0, 1, 1));
  }

  @Test
  void aCsvWithThreeBadRowsImportsTheOthersAndNamesEachBadOne() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));
    String csv =
        "\uFEFFparagraph,text,recommending_states,theme,themes,groups_of_persons,sdgs,position,position_source\r\n"
            + "101.1,\"Ratify the Convention, and report (Ghana)\",Ghana,Acceptance of"
            + " international norms,Acceptance of international norms,,16,Supported,A/HRC/56/5/Add.1 - Para. 3\r\n"
            + "101.2,\"Adopt a law on \"\"hate speech\"\"\nwithin two years\",Chile;Peru,,,Women & girls;Children,5;10,noted,\r\n"
            + "1O1.3,Typo in the number (France),France,,,,,Supported,\r\n"
            + "101.4,An SDG out of range (France),France,,,,18,Supported,\r\n"
            + "101.5,An unknown position (France),France,,,,,Accepted,\r\n"
            + "101.6,Pending still (Bolivia (Plurinational State of)),Bolivia (Plurinational State of),,,,,,\r\n";

    raw(review, csv.getBytes(StandardCharsets.UTF_8), "text/csv", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(3))
        .andExpect(jsonPath("$.rejected", hasSize(3)))
        .andExpect(jsonPath("$.rejected[0].row").value(5))
        .andExpect(jsonPath("$.rejected[0].reason").value(containsString("'1O1.3'")))
        .andExpect(jsonPath("$.rejected[1].row").value(6))
        .andExpect(jsonPath("$.rejected[1].paragraph").value("101.4"))
        .andExpect(jsonPath("$.rejected[1].reason").value(containsString("SDG '18'")))
        .andExpect(jsonPath("$.rejected[2].row").value(7))
        .andExpect(jsonPath("$.rejected[2].reason").value(containsString("'Accepted'")));

    Map<String, Object> second = row(review, "101.2");
    assertThat(second.get("text")).isEqualTo("Adopt a law on \"hate speech\" within two years");
    assertThat(array(second.get("sdgs"))).containsExactly(5, 10);
    assertThat(array(second.get("state_codes"))).containsExactly("CHL", "PER");
    assertThat(row(review, "101.1").get("text"))
        .isEqualTo("Ratify the Convention, and report (Ghana)");
    assertThat(array(row(review, "101.6").get("state_codes"))).containsExactly("BOL");
  }

  @Test
  void filesThatAreNotListsAreRefusedAsAWholeAndChangeNothing() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));

    upload(review, "%PDF-1.7\n%...".getBytes(StandardCharsets.US_ASCII), coordinator(team))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("PDF")));
    upload(review, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}, coordinator(team))
        .andExpect(status().isUnsupportedMediaType());
    upload(review, spreadsheet(), coordinator(team)).andExpect(status().isUnsupportedMediaType());
    upload(review, zipBomb(), coordinator(team)).andExpect(status().isUnsupportedMediaType());
    upload(review, new byte[] {(byte) 0xC3, 0x28, 'a', ',', 'b'}, coordinator(team))
        .andExpect(status().isUnsupportedMediaType());
    upload(review, new byte[0], coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    upload(review, emptyWordDocument(), coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    raw(
            review,
            "number,words\n1,2\n".getBytes(StandardCharsets.UTF_8),
            "text/csv",
            coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("'number'")));
    raw(
            review,
            "paragraph,text\n\"121.1,open".getBytes(StandardCharsets.UTF_8),
            "text/csv",
            coordinator(team))
        .andExpect(status().isBadRequest());
    raw(
            review,
            new byte[ListReader.MAX_BYTES + 1],
            MediaType.APPLICATION_OCTET_STREAM_VALUE,
            coordinator(team))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/reviews/" + review + "/recommendations/imports")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_PDF)
                .content("%PDF-1.7"))
        .andExpect(status().isUnsupportedMediaType());

    assertThat(register.counts(UUID.fromString(review))).isEmpty();
    assertThat(outboxTypes(review)).doesNotContain(RecommendationsImported.TYPE);
  }

  @Test
  void onlyTheReviewsCoordinatorsImportAndOtherTeamsDoNotSeeTheReview() throws Exception {
    String team = newCountryTeam();
    String other = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));
    byte[] csv = "paragraph,text\n121.1,Ratify (France);\n".getBytes(StandardCharsets.UTF_8);

    raw(review, csv, "text/csv", focalUnicef(team)).andExpect(status().isForbidden());
    raw(review, csv, "text/csv", coordinator(other)).andExpect(status().isNotFound());
    raw(UUID.randomUUID().toString(), csv, "text/csv", coordinator(team))
        .andExpect(status().isNotFound());
    assertThat(register.counts(UUID.fromString(review))).isEmpty();
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = new ClassPathResource("recommendations/" + name).getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** A list in the 4th cycle's layout, as its README describes it, with one bad SDG. */
  static byte[] fourthCycleList() throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFTable table = document.createTable(6, 4);
      fill(
          table,
          0,
          List.of("Recommendation and recommending State"),
          List.of("Position of the State under review"),
          List.of("Human rights themes and groups of persons"),
          List.of("Relevant SDGs"));
      fill(table, 1, List.of("Theme: Women&#39;s rights"), List.of(), List.of(), List.of());
      fill(
          table,
          2,
          List.of(
              "140.12  Strengthen measures to combat violence against  women &amp; girls"
                  + " (Bolivia (Plurinational State of)) (Türkiye);",
              "Source of position: A/HRC/59/15/Add.1 - Para.3"),
          List.of("Supported"),
          List.of(
              "- Women's rights",
              "- Gender-based violence",
              "Groups of Persons:",
              "- Women & girls",
              "- Children"),
          List.of("- 5 - GENDER EQUALITY", "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"));
      fill(
          table,
          3,
          List.of(
              "140.13 Consider ratifying the Convention (Republic of Korea, Viet Nam);",
              "Source of position: A/HRC/59/15/Add.1 - Para.4"),
          List.of("Supported/Noted"),
          List.of("- Acceptance of international norms"),
          List.of());
      fill(
          table,
          4,
          List.of("140.14 Ensure the right to education (State of Palestine)."),
          List.of(""),
          List.of("- Right to education"),
          List.of("- 4 - QUALITY EDUCATION"));
      fill(
          table,
          5,
          List.of("140.15 Something with a goal that does not exist (Chile)."),
          List.of("Noted"),
          List.of("- General"),
          List.of("- 19 - NOT A GOAL"));
      document.write(out);
      return out.toByteArray();
    }
  }

  @SafeVarargs
  private static void fill(XWPFTable table, int row, List<String>... cells) {
    for (int c = 0; c < cells.length; c++) {
      XWPFTableCell cell = table.getRow(row).getCell(c);
      List<String> paragraphs = cells[c];
      for (int p = 0; p < paragraphs.size(); p++) {
        (p == 0 ? cell.getParagraphs().get(0) : cell.addParagraph())
            .createRun()
            .setText(paragraphs.get(p));
      }
    }
  }

  private static byte[] spreadsheet() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Recommendations").createRow(0).createCell(0).setCellValue("121.1");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] emptyWordDocument() throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Not a list");
      document.write(out);
      return out.toByteArray();
    }
  }

  /** A Word-looking zip whose document inflates a thousandfold. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 50; i++) {
        zip.write(spaces);
      }
    }
    return out.toByteArray();
  }

  private ResultActions upload(String review, byte[] list, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        multipart("/api/reviews/" + review + "/recommendations/imports")
            .file(new MockMultipartFile("file", "list.docx", "application/octet-stream", list))
            .with(who));
  }

  private ResultActions raw(String review, byte[] list, String type, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        post("/api/reviews/" + review + "/recommendations/imports")
            .with(who)
            .contentType(type)
            .content(list));
  }

  private List<String> paragraphs(String review) {
    return jdbc.queryForList(
        "SELECT paragraph FROM upr_recommendation WHERE review_id = ?::uuid", String.class, review);
  }

  private Map<String, Object> row(String review, String paragraph) {
    return jdbc.queryForMap(
        "SELECT * FROM upr_recommendation WHERE review_id = ?::uuid AND paragraph = ?",
        review,
        paragraph);
  }

  private List<Map<String, String>> states(String review, String paragraph) {
    Map<String, Object> row = row(review, paragraph);
    List<Object> names = array(row.get("recommending_states"));
    List<Object> codes = array(row.get("state_codes"));
    List<Map<String, String>> states = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      states.add(Map.of("name", (String) names.get(i), "code", String.valueOf(codes.get(i))));
    }
    return states;
  }

  /** Every recommendation names at least one recommending State, each one a State's. */
  private void assertEveryStateNamed(String review) {
    assertThat(
            jdbc.queryForList(
                "SELECT paragraph FROM upr_recommendation WHERE review_id = ?::uuid"
                    + " AND (cardinality(state_codes) = 0 OR array_position(state_codes, NULL) IS NOT NULL)",
                String.class,
                review))
        .isEmpty();
  }

  private static List<Object> array(Object sqlArray) {
    try {
      return Arrays.asList((Object[]) ((Array) sqlArray).getArray());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
