package org.uprengage.webapi.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** A review's joint UN submission with every decision on it. */
@RestController
@Tag(name = "Reviews")
class SubmissionController {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final Backend engine;

  SubmissionController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/api/reviews/{id}/submission")
  @Operation(
      summary = "The review's joint UN submission and the history of every decision on it",
      description =
          "The agencies' sections, the consolidated text of the latest round, each head of office's clearance and the RC's sign-off per round (who, when, comments), and when it went to OHCHR.")
  Submission submission(@PathVariable UUID id) {
    return engine.get("/api/reviews/{id}/submission", Submission.class, id);
  }

  @GetMapping(path = "/api/reviews/{id}/submission/document", produces = DOCX)
  @Operation(
      summary = "A round of the joint submission as the Word document OHCHR receives",
      description =
          "A .docx: a cover (the UN country team, the State, the Working Group session, the date of the round), the round's consolidated text, then each agency's section as it stood at the round, under the agency's name, in the agreed order (the order of agencies when the submission was planned); each non-blank line a paragraph, numbered on through the sections. A text's sources ([^label] where cited, '[^label]: the source' on a line of its own) become endnotes. Headings in the country team's language, or in the language asked for (en, fr, es). The same round in the same language is the same bytes each time: its SHA-256 is the one kept with the RC's sign-off (the team's language) and with the record of the submission to OHCHR. 400 naming round or language for a bad one; 404 for a round not consolidated, or a review of another country team.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The document",
              content =
                  @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<byte[]> document(
      @PathVariable UUID id,
      @Parameter(description = "the round, 1 for the first; the latest where left out")
          @RequestParam(required = false)
          @Min(1)
          Integer round,
      @Parameter(description = "en, fr or es; the country team's language where left out")
          @RequestParam(required = false)
          @Pattern(regexp = "en|fr|es")
          String language) {
    StringBuilder uri = new StringBuilder("/api/reviews/{id}/submission/document?");
    List<Object> variables = new ArrayList<>(List.of(id));
    if (round != null) {
      uri.append("round={round}&");
      variables.add(round);
    }
    if (language != null) {
      uri.append("language={language}");
      variables.add(language);
    }
    byte[] document =
        engine.document(uri.toString(), MediaType.parseMediaType(DOCX), variables.toArray());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DOCX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "joint-submission-" + id + (round == null ? "" : "-round-" + round) + ".docx")
                .build()
                .toString())
        .body(document);
  }

  /** The joint submission as it stands. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Submission(
      UUID reviewId,
      List<Section> sections,
      @Schema(description = "the consolidation round, 1 for the first; absent before")
          Integer round,
      String text,
      @Schema(description = "the consolidated text's words") int words,
      @Schema(
              description =
                  "the installation's word limit for the UN country team's joint submission in the review's cycle; absent where none is set. The RC signs off a longer text only with overWordLimitReason (else 422 naming both numbers).")
          Integer wordLimit,
      String consolidatedBy,
      Instant consolidatedAt,
      List<Decision> decisions,
      Sent sent,
      @Schema(
              description =
                  "the documents the RC signed off and that went to OHCHR, by their SHA-256, and whether they are the same")
          Documents document) {}

  /** One agency's section. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Section(String agency, String text, int words, String draftedBy, Instant draftedAt) {}

  /** One decision on one round. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Decision(
      int round,
      @Schema(allowableValues = {"clearance", "sign-off"}) String stage,
      @Schema(description = "the head of office's agency; absent for the RC's sign-off")
          String agency,
      @Schema(allowableValues = {"approve", "send-back"}) String decision,
      String comments,
      String decidedBy,
      Instant decidedAt,
      @Schema(
              description =
                  "the RC's reason to sign off a text over the word limit; absent otherwise")
          String overWordLimitReason,
      @Schema(
              description =
                  "the SHA-256 (hex) of the round's document (the team's language) the RC signed off; absent for other decisions")
          String documentSha256) {}

  /** When the submission went to OHCHR. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sent(
      LocalDate on,
      String reference,
      String by,
      @Schema(
              description =
                  "the round whose document was sent; absent for a submission recorded before documents were kept")
          Integer round,
      @Schema(
              description =
                  "the SHA-256 (hex) of the document sent, generated when it was recorded")
          String documentSha256) {}

  /** Whether what went to OHCHR is what the RC cleared. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Documents(
      @Schema(description = "the latest round the RC signed off") Integer signedOffRound,
      @Schema(description = "the SHA-256 of its document at sign-off") String signedOffSha256,
      @Schema(description = "the round whose document went to OHCHR") Integer sentRound,
      @Schema(description = "the SHA-256 of the document sent") String sentSha256,
      @Schema(
              description =
                  "whether the document sent is one the RC signed off; absent until it is sent")
          Boolean sentAsCleared) {}
}
