package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OHCHR's two thematic lists of Slovenia's recommendations (2nd cycle: 163; 3rd cycle: 215), each
 * imported through web-api into a review of its own on the three services, as published: every
 * paragraph number, every recommending State, the positions exactly; again, changing nothing; and a
 * CSV with three bad rows, whose good rows are kept and whose bad ones are each named with why.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class RecommendationImportIT {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final Path SECOND_CYCLE =
      Path.of(
          "..",
          "workflow-engine",
          "src",
          "test",
          "resources",
          "recommendations",
          "UPR20__Slovenia_ThematicListRecommendations_E.docx");
  private static final Path THIRD_CYCLE =
      Path.of("..", "docs", "examples", "UPR34_Slovenia_Thematic_list_of_Recommendations.docx");

  private static Api coordinator;

  @BeforeAll
  static void sessions() throws Exception {
    String webApi = Platform.get().webApi;
    coordinator = new Api(webApi, "coordinator", "demo");
    Api admin = new Api(webApi, "admin", "demo");
    LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(500);
    for (int session : new int[] {94, 95, 96}) {
      Api.Response created =
          admin.post(
              "/api/sessions",
              "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                  .formatted(session, opens.plusDays(session), opens.plusDays(session + 11)));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }
  }

  @Test
  void theSecondCyclesListImportsExactlyAndAgainChangesNothing() throws Exception {
    theListImportsExactly(94, SECOND_CYCLE, 163, 142, 21, "115\\.\\d{1,3}");
  }

  @Test
  void theThirdCyclesListImportsExactlyAndAgainChangesNothing() throws Exception {
    theListImportsExactly(95, THIRD_CYCLE, 215, 182, 33, "12[12]\\.\\d{1,3}");
  }

  @Test
  void aCsvWithThreeBadRowsKeepsTheOthersAndNamesEachBadOne() throws Exception {
    String review = startReview(96);
    String csv =
        "\uFEFFparagraph,text,recommending_states,theme,themes,groups_of_persons,sdgs,position,position_source\r\n"
            + "101.1,\"Ratify the Convention, and report (Ghana)\",Ghana,Acceptance of"
            + " international norms,Acceptance of international norms,,16,Supported,A/HRC/56/5/Add.1 - Para. 3\r\n"
            + "101.2,\"Adopt a law on \"\"hate speech\"\" within two years\",Chile;Peru,,,Women & girls,5;10,noted,\r\n"
            + "1O1.3,Typo in the number (France),France,,,,,Supported,\r\n"
            + "101.4,An SDG out of range (France),France,,,,18,Supported,\r\n"
            + "101.5,An unknown position (France),France,,,,,Accepted,\r\n"
            + "101.6,Pending still (Peru),Peru,,,,,,\r\n";
    Api.Response imported = coordinator.postAs(imports(review), "text/csv", csv);
    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    JsonNode answer = imported.body();
    assertThat(answer.get("added").asInt()).as(answer.toString()).isEqualTo(3);
    JsonNode rejected = answer.get("rejected");
    assertThat(rejected).as(answer.toString()).hasSize(3);
    assertThat(rejected.get(0).get("row").asInt()).isEqualTo(4); // the header is line 1
    assertThat(rejected.get(0).get("reason").asText()).contains("'1O1.3'");
    assertThat(rejected.get(1).get("row").asInt()).isEqualTo(5);
    assertThat(rejected.get(1).get("paragraph").asText()).isEqualTo("101.4");
    assertThat(rejected.get(1).get("reason").asText()).contains("SDG '18'");
    assertThat(rejected.get(2).get("row").asInt()).isEqualTo(6);
    assertThat(rejected.get(2).get("reason").asText()).contains("'Accepted'");

    JsonNode kept = coordinator.get(register(review) + "?size=50").body();
    assertThat(kept.get("total").asInt()).isEqualTo(3);
    Set<String> paragraphs = new HashSet<>();
    kept.get("items").forEach(item -> paragraphs.add(item.get("paragraph").asText()));
    assertThat(paragraphs).containsExactlyInAnyOrder("101.1", "101.2", "101.6");
    JsonNode quoted = coordinator.get(register(review) + "?text=hate&size=5").body();
    assertThat(quoted.get("items").get(0).get("text").asText())
        .isEqualTo("Adopt a law on \"hate speech\" within two years");
    assertThat(quoted.get("items").get(0).get("recommendingStates").toString())
        .isEqualTo("[{\"name\":\"Chile\",\"code\":\"CHL\"},{\"name\":\"Peru\",\"code\":\"PER\"}]");
  }

  private static void theListImportsExactly(
      int session, Path list, int count, int supported, int noted, String paragraphPattern)
      throws Exception {
    String review = startReview(session);
    byte[] document = Files.readAllBytes(list);

    Api.Response first = coordinator.postBytes(imports(review), DOCX, document);
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().get("format").asText()).isEqualTo("docx");
    assertThat(first.body().get("added").asInt()).isEqualTo(count);
    assertThat(first.body().get("rejected")).as(first.body().toString()).isEmpty();

    Api.Response again = coordinator.postBytes(imports(review), DOCX, document);
    assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
    assertThat(again.body().get("added").asInt()).isZero();
    assertThat(again.body().get("updated").asInt()).isZero();
    assertThat(again.body().get("unchanged").asInt()).isEqualTo(count);

    assertThat(total(review, "")).isEqualTo(count);
    assertThat(total(review, "&position=supported")).isEqualTo(supported);
    assertThat(total(review, "&position=noted")).isEqualTo(noted);
    Set<String> paragraphs = new HashSet<>();
    for (int page = 0; page * 200 < count; page++) {
      JsonNode items =
          coordinator.get(register(review) + "?size=200&page=" + page).body().get("items");
      for (JsonNode item : items) {
        String paragraph = item.get("paragraph").asText();
        paragraphs.add(paragraph);
        assertThat(paragraph).matches(paragraphPattern);
        // every recommending State split out, one name each
        assertThat(item.get("recommendingStates")).as(paragraph).isNotEmpty();
        item.get("recommendingStates")
            .forEach(
                state ->
                    assertThat(state.get("name").asText())
                        .as(paragraph)
                        .isNotBlank()
                        .doesNotContain(";"));
        // entities decoded: no markup left in the text
        assertThat(item.get("text").asText()).as(paragraph).doesNotContain("&amp;", "&#", "<");
      }
    }
    assertThat(paragraphs).as("every paragraph number, once").hasSize(count);
  }

  private static int total(String review, String filter) throws Exception {
    return coordinator.get(register(review) + "?size=1" + filter).body().get("total").asInt();
  }

  private static String startReview(int session) throws Exception {
    Api.Response started =
        coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + session + "}");
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.body().get("id").asText();
  }

  private static String imports(String review) {
    return "/api/reviews/" + review + "/recommendations/imports";
  }

  private static String register(String review) {
    return "/api/reviews/" + review + "/recommendations";
  }
}
