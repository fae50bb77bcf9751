package org.uprengage.webapi.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The process engine's incidents, for platform admins: listed with the error, and retried. */
@RestController
@RequestMapping("/api/admin/incidents")
@Tag(name = "Operations")
class IncidentController {

  private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final Backend engine;

  IncidentController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "The engine's open incidents, newest first (platform admins)",
      description =
          "A job (a timer, a service task) that failed its last retry (UPR_JOB_RETRY_CYCLE, by default 5 tries 5 minutes apart) becomes an incident (type failedJob); its process waits there. So does a task's deadline reminder or escalation that failed as often (type deadlineAlertFailed: the task's reminders wait). At most 200, with the error and the top of its stack trace. Platform admins are also told of each in their inbox.")
  List<Incident> open() {
    return engine.get("/api/admin/incidents", new ParameterizedTypeReference<List<Incident>>() {});
  }

  @PostMapping("/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Retry an incident's job once its cause is fixed (platform admins)",
      description =
          "A failed job gets one more try, due now, which the engine's job executor runs shortly; a failed deadline alert is due again now, for the engine's deadline poller. The incident closes at once and opens again should it fail again. 404 for an incident that is not open; 409 for one of another kind.")
  void retry(
      @PathVariable @Pattern(regexp = ID, message = "must be an incident's id, as listed")
          String id) {
    engine.exchange(HttpMethod.POST, "/api/admin/incidents/{id}/retry", null, null, Void.class, id);
  }

  /** An open incident. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Incident(
      String id,
      @Schema(example = "failedJob") String type,
      Instant openedAt,
      @Schema(description = "the error's message") String message,
      @Schema(example = "upr-review") String processDefinitionKey,
      @Schema(example = "Timer_HandOverToNextReview", description = "the step that failed")
          String activityId,
      String processInstanceId,
      @Schema(description = "the review whose process it is") String reviewId,
      String jobId,
      @Schema(description = "the top of the error's stack trace, at most 4000 characters")
          String stacktrace,
      @Schema(
              description =
                  "whether POST .../retry can run it again (a failed job's or deadline alert's)")
          boolean retryable) {}
}
