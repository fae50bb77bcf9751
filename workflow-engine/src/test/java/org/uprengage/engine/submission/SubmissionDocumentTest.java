package org.uprengage.engine.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * The joint submission of a round as a {@code .docx}: its cover and numbered paragraphs, the same
 * bytes each time, its SHA-256 kept with the RC's sign-off and with the record of the submission,
 * and the review saying whether what was sent is what was cleared.
 */
class SubmissionDocumentTest extends EngineIntegrationTest {

  private static final String TEXT =
      "The UN country team welcomes the national action plan.\\n\\n"
          + "It recommends that the State fund the plan in full.\\n"
          + "It offers its support to the national mechanism.";

  @Test
  void theDocumentSentIsTheOneTheRcSignedOff() throws Exception {
    String team = newCountryTeam();
    String reviewId = consolidated(team);
    byte[] document = document(reviewId, "?round=1", coordinator(team));
    List<String> paragraphs = texts(document);
    assertThat(paragraphs)
        .contains(
            "Universal Periodic Review",
            "Joint submission of the Test team " + team,
            "State under review: " + team)
        .containsSubsequence(
            "1.\tThe UN country team welcomes the national action plan.",
            "2.\tIt recommends that the State fund the plan in full.",
            "3.\tIt offers its support to the national mechanism.");
    assertThat(paragraphs).anyMatch(p -> p.startsWith("Working Group on the Universal Periodic"));
    assertThat(document(reviewId, "", coordinator(team))).isEqualTo(document);

    RequestPostProcessor rc = person("rc", List.of("rc"), null, List.of(team));
    String signOff = taskIds(reviewId, ReviewProcess.TASK_SIGN_OFF_SUBMISSION, rc).get(0);
    act(signOff, "claim", rc);
    complete(signOff, "{\"decision\":\"approve\"}", rc);
    String record =
        taskIds(reviewId, ReviewProcess.TASK_RECORD_SUBMISSION, coordinator(team)).get(0);
    act(record, "claim", coordinator(team));
    complete(
            record, "{\"submittedOn\":\"2022-07-12\",\"reference\":\"UNCT-42\"}", coordinator(team))
        .andExpect(status().isNoContent());

    String sha256 = SubmissionDocument.sha256(document);
    mvc.perform(get("/api/reviews/" + reviewId + "/submission").with(coordinator(team)))
        .andExpect(jsonPath("$.decisions[1].documentSha256").value(sha256))
        .andExpect(jsonPath("$.sent.round").value(1))
        .andExpect(jsonPath("$.sent.documentSha256").value(sha256))
        .andExpect(jsonPath("$.document.signedOffSha256").value(sha256))
        .andExpect(jsonPath("$.document.sentAsCleared").value(true));
    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(jsonPath("$.submissionDocument.sentSha256").value(sha256))
        .andExpect(jsonPath("$.submissionDocument.sentAsCleared").value(true));
  }

  @Test
  void eachAgencysSectionFollowsInTheAgreedOrderWithItsSourcesAsEndnotes() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF", "UNDP"); // agreed: UNICEF first
    draft(
        reviewId,
        focalUndp(team),
        "Access to justice improved in two regions.[^a]\\n"
            + "Legal aid reached 4,000 people [^b] and more.\\n"
            + "[^a]: A/HRC/WG.6/42/GHA/2, para. 12\\n"
            + "[^b]: UNDP, Legal aid report 2024");
    draft(
        reviewId,
        focalUnicef(team),
        "Birth registration rose to 80 per cent.[^1] [^unknown] stays as written.\\n"
            + "[^1]: UNICEF, Birth registration data, 2024");
    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(
            consolidate,
            "{\"text\":\"The UN country team welcomes the plan.[^1]\\n[^1]: A/HRC/52/1\"}",
            coordinator(team))
        .andExpect(status().isNoContent());
    // a section changed after the round was consolidated does not change the round's document
    jdbc.update(
        "UPDATE upr_submission_section SET text = 'Changed later.' WHERE review_id = ?::uuid",
        reviewId);

    byte[] docx = document(reviewId, "?round=1", coordinator(team));
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> body =
          document.getParagraphs().stream()
              .map(XWPFParagraph::getText)
              .filter(text -> !text.isEmpty())
              .toList();
      assertThat(body.subList(5, body.size()))
          .hasSize(7)
          .satisfies(
              paragraphs -> {
                assertThat(paragraphs.get(0)).startsWith("1.\tThe UN country team welcomes");
                assertThat(paragraphs.get(1))
                    .isEqualTo("Contributions of the agencies of the UN country team");
                assertThat(paragraphs.get(2)).isEqualTo("United Nations Children's Fund");
                // POI reads an endnote's reference as [endnoteRef:n] where it stands
                assertThat(paragraphs.get(3))
                    .startsWith("2.\tBirth registration rose to 80 per cent.[endnoteRef:")
                    .contains("] [^unknown] stays as written.");
                assertThat(paragraphs.get(4)).isEqualTo("United Nations Development Programme");
                assertThat(paragraphs.get(5)).startsWith("3.\tAccess to justice improved");
                assertThat(paragraphs.get(6))
                    .startsWith("4.\tLegal aid reached 4,000 people [endnoteRef:")
                    .contains("] and more.");
              });
      assertThat(String.join("\n", body)).doesNotContain("[^1]:", "[^a]", "[^b]", "Changed later");
      List<String> endnotes =
          document.getEndnotes().stream()
              .map(
                  note ->
                      note.getParagraphs().isEmpty() ? "" : note.getParagraphs().get(0).getText())
              .filter(text -> !text.isBlank())
              .toList();
      assertThat(endnotes)
          .satisfiesExactly(
              note -> assertThat(note).endsWith(" A/HRC/52/1"),
              note -> assertThat(note).endsWith(" UNICEF, Birth registration data, 2024"),
              note -> assertThat(note).endsWith(" A/HRC/WG.6/42/GHA/2, para. 12"),
              note -> assertThat(note).endsWith(" UNDP, Legal aid report 2024"));
    }
    assertThat(document(reviewId, "?round=1", coordinator(team))).isEqualTo(docx);
  }

  @Test
  void theHeadingsAreInTheTeamsLanguageOrTheOneAskedFor() throws Exception {
    String team = newCountryTeam();
    jdbc.update("UPDATE upr_country_team SET language = 'fr' WHERE code = ?", team);
    String reviewId = consolidated(team);
    assertThat(texts(document(reviewId, "?round=1", coordinator(team))))
        .contains("Examen périodique universel", "État examiné : " + team);
    assertThat(texts(document(reviewId, "?round=1&language=es", coordinator(team))))
        .contains("Examen Periódico Universal", "Estado examinado: " + team);
  }

  @Test
  void badRoundsAndLanguagesAreNamedAndOtherTeamsSeeNothing() throws Exception {
    String team = newCountryTeam();
    String reviewId = consolidated(team);
    String path = "/api/reviews/" + reviewId + "/submission/document";
    mvc.perform(get(path + "?round=0").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("round"));
    mvc.perform(get(path + "?round=2").with(coordinator(team))).andExpect(status().isNotFound());
    mvc.perform(get(path + "?language=de").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
    mvc.perform(get(path).with(coordinator(newCountryTeam()))).andExpect(status().isNotFound());
  }

  private byte[] document(String reviewId, String query, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(get("/api/reviews/" + reviewId + "/submission/document" + query).with(who))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", SubmissionDocument.MEDIA_TYPE))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static List<String> texts(byte[] docx) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
  }

  /** A review in session 42 with UNICEF's section drafted, the text consolidated and cleared. */
  private String consolidated(String team) throws Exception {
    String reviewId = planned(team, 42, "UNICEF");
    draft(reviewId, focalUnicef(team), "Our section.");
    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"" + TEXT + "\"}", coordinator(team))
        .andExpect(status().isNoContent());
    String clearance =
        taskIds(reviewId, ReviewProcess.TASK_CLEAR_SUBMISSION, headUnicef(team)).get(0);
    act(clearance, "claim", headUnicef(team));
    complete(clearance, "{\"decision\":\"approve\"}", headUnicef(team))
        .andExpect(status().isNoContent());
    return reviewId;
  }
}
