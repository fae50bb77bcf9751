package org.uprengage.webapi.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** A review's joint UN submission with every decision on it. */
@RestController
@Tag(name = "Reviews")
class SubmissionController {

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
      Sent sent) {}

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
      Instant decidedAt) {}

  /** When the submission went to OHCHR. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sent(LocalDate on, String reference, String by) {}
}
