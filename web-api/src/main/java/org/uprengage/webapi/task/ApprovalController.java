package org.uprengage.webapi.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The decisions waiting on the caller: clearance and sign-off of the joint submission. */
@RestController
@Tag(name = "Approvals")
class ApprovalController {

  private final Backend engine;

  ApprovalController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/api/approvals")
  @Operation(
      summary = "Decisions waiting on you: clearance by heads of office, sign-off by the RC",
      description =
          "Each with the text to decide on. Decide by completing the task: {\"decision\":\"approve\"} or {\"decision\":\"send-back\",\"comments\":\"...\"}; nobody approves a text they wrote (403). show=team lists every decision waiting in your country teams (coordinators). The history of decisions is at /api/reviews/{id}/submission.")
  List<Approval> waiting(
      @RequestParam(defaultValue = "both")
          @Pattern(regexp = "mine|both|team", message = "must be one of mine, both, team")
          String show) {
    return engine.get(
        "/api/approvals?show={show}", new ParameterizedTypeReference<List<Approval>>() {}, show);
  }

  /** A decision waiting. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Approval(
      TaskResources.Task task,
      @Schema(allowableValues = {"clearance", "sign-off"}) String stage,
      Integer round,
      String text,
      @Schema(description = "the round's words") int words,
      @Schema(
              description =
                  "the word limit of the review's cycle; absent where none is set (the RC signs off a longer text only with overWordLimitReason)")
          Integer wordLimit,
      String consolidatedBy,
      Instant consolidatedAt,
      @Schema(
              description =
                  "the latest earlier round you decided on; absent where you decided on none")
          Integer seenRound,
      @Schema(
              description =
                  "that round's consolidated text, to see what changed since; absent with seenRound")
          String seenText) {}
}
