package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** Reading tasks: the lists, one task with its form, its audit trail and its comments. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskQueryController {

  private final Backend engine;

  TaskQueryController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "Your tasks, your groups' claimable ones, or (coordinators) your teams' all",
      description =
          "show: mine | claimable | both (default) | team. Filters: reviewId, stage (submission | review | adoption | follow-up), taskKey, overdue, dueBefore (a date), q (part of the name). sort: created | due, order: asc | desc. Pages of at most 100.")
  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskResources.TaskPage.class)))
  ResponseEntity<byte[]> list(
      @RequestParam(required = false) UUID reviewId,
      @RequestParam(defaultValue = "both")
          @Pattern(
              regexp = "mine|claimable|both|team",
              message = "must be one of mine, claimable, both, team")
          String show,
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z_]{1,80}", message = "is not a task key")
          String taskKey,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) LocalDate dueBefore,
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false)
          @Pattern(
              regexp = "submission|review|adoption|follow-up",
              message = "must be one of submission, review, adoption, follow-up")
          String stage,
      @RequestParam(defaultValue = "created")
          @Pattern(regexp = "created|due", message = "must be created or due")
          String sort,
      @RequestParam(defaultValue = "asc")
          @Pattern(regexp = "asc|desc", message = "must be asc or desc")
          String order,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    // Every value goes in as a URI variable: the client encodes it, and the call's metrics and
    // trace name the template (one http.client.requests series for the list, not one per review
    // and day asked for). The engine's page passes through as it came (Backend.relay).
    StringBuilder uri =
        new StringBuilder(
            "/api/tasks?show={show}&overdue={overdue}&sort={sort}&order={order}&page={page}&size={size}");
    List<Object> values = new ArrayList<>(List.of(show, overdue, sort, order, page, size));
    addFilter(uri, values, "reviewId", reviewId);
    addFilter(uri, values, "taskKey", taskKey);
    addFilter(uri, values, "dueBefore", dueBefore);
    addFilter(uri, values, "stage", stage);
    addFilter(uri, values, "q", q);
    return engine.relay(HttpMethod.GET, uri.toString(), null, null, values.toArray());
  }

  private static void addFilter(StringBuilder uri, List<Object> values, String name, Object value) {
    if (value != null) {
      uri.append('&').append(name).append("={").append(name).append('}');
      values.add(value);
    }
  }

  @GetMapping("/{id}")
  @Operation(summary = "A task with the inputs it takes")
  @TaskAnswer
  ResponseEntity<byte[]> get(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id) {
    return engine.relay(HttpMethod.GET, "/api/tasks/{id}", null, null, id);
  }

  @GetMapping("/{id}/audit")
  @Operation(
      summary = "Every change attempted on a task: who, what, when, from where, and the outcome")
  List<TaskResources.AuditEntry> audit(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id) {
    return engine.get(
        "/api/tasks/{id}/audit",
        new ParameterizedTypeReference<List<TaskResources.AuditEntry>>() {},
        id);
  }

  @GetMapping("/{id}/comments")
  @Operation(summary = "Comments on a task, oldest first")
  List<TaskResources.Comment> comments(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id) {
    return engine.get(
        "/api/tasks/{id}/comments",
        new ParameterizedTypeReference<List<TaskResources.Comment>>() {},
        id);
  }
}
