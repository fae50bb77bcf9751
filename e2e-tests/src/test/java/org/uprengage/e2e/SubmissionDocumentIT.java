package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The joint submission from the agencies' drafts to OHCHR across the three services, through
 * web-api as the demo users: the document of the round opens with Apache POI, has the cover, the
 * consolidated text and each agency's section in the agreed order in numbered paragraphs, its
 * sources as endnotes, and its SHA-256 is the one kept with the RC's sign-off and with the record
 * of the submission.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class SubmissionDocumentIT {

  private static final int SESSION = 64;
  private static String webApi;

  @BeforeAll
  static void startPlatform() throws Exception {
    webApi = Platform.get().webApi;
    new Api(webApi, "admin", "demo").addSessionAhead(SESSION);
  }

  @Test
  void theDocumentSentToOhchrIsTheOneTheRcSignedOffAndOpensAsWritten() throws Exception {
    Api coordinator = new Api(webApi, "coordinator", "demo");
    Api.Response started =
        coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + SESSION + "}");
    assertThat(started.status()).isEqualTo(201);
    String review = started.body().get("id").asText();
    String plan = coordinator.onlyTask(review, "UserTask_PlanSubmission");
    act(coordinator, plan, "claim", null, 200);
    act(coordinator, plan, "complete", "{\"agencies\":[\"UNICEF\",\"UNDP\"]}", 204);

    draft(
        review,
        "focal-undp",
        "Legal aid reached 4,000 people.[^1]\\n[^1]: UNDP, Legal aid report 2024");
    draft(
        review,
        "focal-unicef",
        "Birth registration rose to 80 per cent.[^a]\\nSchools reopened.\\n"
            + "[^a]: UNICEF, Birth registration data, 2024");
    String consolidate = coordinator.onlyTask(review, "UserTask_ConsolidateSubmission");
    act(coordinator, consolidate, "claim", null, 200);
    act(
        coordinator,
        consolidate,
        "complete",
        "{\"text\":\"The UN country team welcomes the national action plan.\\n\\n"
            + "It offers its support to the national mechanism.\"}",
        204);
    for (String head : List.of("head-unicef", "head-undp")) {
      decide(review, head, "UserTask_ClearSubmission");
    }
    decide(review, "rc", "UserTask_SignOffSubmission");
    String record = coordinator.onlyTask(review, "UserTask_RecordSubmission");
    act(coordinator, record, "claim", null, 200);
    act(
        coordinator,
        record,
        "complete",
        "{\"submittedOn\":\"%s\",\"reference\":\"UNCT-GHA-%d\"}"
            .formatted(LocalDate.now(ZoneOffset.UTC), SESSION),
        204);

    Api.Download document =
        coordinator.download("/api/reviews/" + review + "/submission/document?round=1");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(document.body()))) {
      List<String> paragraphs =
          docx.getParagraphs().stream()
              .map(XWPFParagraph::getText)
              .filter(text -> !text.isBlank())
              .toList();
      assertThat(paragraphs).hasSize(13);
      assertThat(paragraphs.subList(0, 5))
          .startsWith("Universal Periodic Review")
          .anyMatch(
              p -> p.startsWith("Working Group on the Universal Periodic Review, session 64"));
      assertThat(paragraphs.subList(5, 13))
          .satisfiesExactly(
              p ->
                  assertThat(p)
                      .isEqualTo("1.\tThe UN country team welcomes the national action plan."),
              p -> assertThat(p).isEqualTo("2.\tIt offers its support to the national mechanism."),
              p -> assertThat(p).isEqualTo("Contributions of the agencies of the UN country team"),
              p -> assertThat(p).isEqualTo("United Nations Children's Fund"),
              p ->
                  assertThat(p)
                      .startsWith("3.\tBirth registration rose to 80 per cent.[endnoteRef:"),
              p -> assertThat(p).isEqualTo("4.\tSchools reopened."),
              p -> assertThat(p).isEqualTo("United Nations Development Programme"),
              p -> assertThat(p).startsWith("5.\tLegal aid reached 4,000 people.[endnoteRef:"));
      assertThat(
              docx.getEndnotes().stream()
                  .map(
                      note ->
                          note.getParagraphs().isEmpty()
                              ? ""
                              : note.getParagraphs().get(0).getText())
                  .filter(text -> !text.isBlank())
                  .toList())
          .satisfiesExactly(
              note -> assertThat(note).endsWith(" UNICEF, Birth registration data, 2024"),
              note -> assertThat(note).endsWith(" UNDP, Legal aid report 2024"));
    }

    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.body()));
    JsonNode submission = coordinator.get("/api/reviews/" + review + "/submission").body();
    JsonNode signOff = null;
    for (JsonNode decision : submission.get("decisions")) {
      if ("sign-off".equals(decision.path("stage").asText())) {
        signOff = decision;
      }
    }
    assertThat(signOff).isNotNull();
    assertThat(signOff.get("documentSha256").asText()).isEqualTo(sha256);
    assertThat(submission.get("sent").get("documentSha256").asText()).isEqualTo(sha256);
    assertThat(submission.get("document").get("sentAsCleared").asBoolean()).isTrue();
  }

  private static void draft(String review, String focal, String text) throws Exception {
    Api who = new Api(webApi, focal, "demo");
    String task = who.onlyTask(review, "UserTask_DraftAgencySection");
    act(who, task, "claim", null, 200);
    act(who, task, "complete", "{\"text\":\"" + text + "\"}", 204);
  }

  private static void decide(String review, String username, String taskKey) throws Exception {
    Api who = new Api(webApi, username, "demo");
    String task = who.onlyTask(review, taskKey);
    act(who, task, "claim", null, 200);
    act(who, task, "complete", "{\"decision\":\"approve\"}", 204);
  }

  private static void act(Api who, String task, String action, String body, int expected)
      throws Exception {
    Api.Response response = who.post("/api/tasks/" + task + "/" + action, body);
    assertThat(response.status()).as(action + " " + response.body()).isEqualTo(expected);
  }
}
