package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskController {

  private static final String TASK_ID = "[A-Za-z0-9-]{1,64}";
  private static final String TASK_ID_MESSAGE = "is not a task id";

  private final Backend engine;

  TaskController(@org.springframework.beans.factory.annotation.Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "Your tasks, your groups' claimable ones, or (coordinators) your teams' all",
      description =
          "show: mine | claimable | both (default) | team. Filters: reviewId, stage (submission | review | adoption | follow-up), taskKey, overdue, dueBefore (a date), q (part of the name). sort: created | due, order: asc | desc. Pages of at most 100.")
  TaskResources.TaskPage list(
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
      @RequestParam(required = false) java.time.LocalDate dueBefore,
      @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 200) String q,
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
    org.springframework.web.util.UriComponentsBuilder uri =
        org.springframework.web.util.UriComponentsBuilder.fromPath("/api/tasks")
            .queryParam("show", show)
            .queryParam("overdue", overdue)
            .queryParam("sort", sort)
            .queryParam("order", order)
            .queryParam("page", page)
            .queryParam("size", size);
    if (reviewId != null) {
      uri.queryParam("reviewId", reviewId);
    }
    if (taskKey != null) {
      uri.queryParam("taskKey", taskKey);
    }
    if (dueBefore != null) {
      uri.queryParam("dueBefore", dueBefore);
    }
    if (stage != null) {
      uri.queryParam("stage", stage);
    }
    if (q != null) {
      uri.queryParam("q", "{q}");
    }
    return q == null
        ? engine.get(uri.build().toUriString(), TaskResources.TaskPage.class)
        : engine.get(uri.build().toUriString(), TaskResources.TaskPage.class, q);
  }

  @PostMapping("/{id}/assign")
  @Operation(
      summary = "Assign a task to someone (coordinators)",
      description = "Reassigns where someone holds it; the assignee is told.")
  TaskResources.Task assign(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody Assignment assignment) {
    return engine.post("/api/tasks/{id}/assign", assignment, TaskResources.Task.class, id);
  }

  @GetMapping("/{id}/audit")
  @Operation(
      summary = "Every change attempted on a task: who, what, when, from where, and the outcome")
  java.util.List<TaskResources.AuditEntry> audit(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.get(
        "/api/tasks/{id}/audit",
        new org.springframework.core.ParameterizedTypeReference<
            java.util.List<TaskResources.AuditEntry>>() {},
        id);
  }

  @GetMapping("/{id}/comments")
  @Operation(summary = "Comments on a task, oldest first")
  java.util.List<TaskResources.Comment> comments(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.get(
        "/api/tasks/{id}/comments",
        new org.springframework.core.ParameterizedTypeReference<
            java.util.List<TaskResources.Comment>>() {},
        id);
  }

  @PostMapping("/{id}/comments")
  @Operation(summary = "Comment on a task you see")
  org.springframework.http.ResponseEntity<TaskResources.Comment> comment(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody NewComment comment) {
    return org.springframework.http.ResponseEntity.status(201)
        .body(engine.post("/api/tasks/{id}/comments", comment, TaskResources.Comment.class, id));
  }

  @PostMapping("/{id}/delegate")
  @Operation(
      summary = "Delegate a task you hold",
      description = "The delegate works on it and resolves it; then you complete it.")
  TaskResources.Task delegate(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody Delegation delegation) {
    return engine.post("/api/tasks/{id}/delegate", delegation, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/resolve")
  @Operation(summary = "Hand a task delegated to you back to its holder")
  TaskResources.Task resolve(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.post("/api/tasks/{id}/resolve", null, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/follow-up")
  @Operation(
      summary = "Set (or clear, with null) the day you want to look at a task you hold again")
  TaskResources.Task followUp(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @RequestBody FollowUp followUp) {
    return engine.post("/api/tasks/{id}/follow-up", followUp, TaskResources.Task.class, id);
  }

  @PostMapping("/bulk/claim")
  @Operation(
      summary = "Claim several tasks",
      description =
          "Each task gets its own result (status, task or problem); at most 50 a request.")
  java.util.List<TaskResources.BulkResult> bulkClaim(
      @jakarta.validation.Valid @RequestBody BulkRequest request) {
    return bulk("claim", request);
  }

  @PostMapping("/bulk/assign")
  @Operation(
      summary = "Assign several tasks to one person (coordinators)",
      description = "Each task gets its own result; at most 50 a request.")
  java.util.List<TaskResources.BulkResult> bulkAssign(
      @jakarta.validation.Valid @RequestBody BulkRequest request) {
    return bulk("assign", request);
  }

  @PostMapping("/bulk/complete")
  @Operation(
      summary = "Complete several tasks you hold with the same inputs",
      description = "Each task gets its own result; at most 50 a request.")
  java.util.List<TaskResources.BulkResult> bulkComplete(
      @jakarta.validation.Valid @RequestBody BulkRequest request) {
    return bulk("complete", request);
  }

  private java.util.List<TaskResources.BulkResult> bulk(String action, BulkRequest request) {
    return java.util.List.of(
        engine.post("/api/tasks/bulk/" + action, request, TaskResources.BulkResult[].class));
  }

  /** Up to 50 tasks; the assignee for assign, the inputs for complete. */
  record BulkRequest(
      @jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 50)
          java.util.List<@Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String> taskIds,
      @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username") String assignee,
      Map<String, Object> input) {}

  record Delegation(
      @jakarta.validation.constraints.NotBlank
          @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username")
          String to) {}

  record FollowUp(java.time.LocalDate on) {}

  record Assignment(
      @jakarta.validation.constraints.NotBlank
          @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username")
          String assignee) {}

  record NewComment(
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000)
          String text) {}

  @GetMapping("/{id}")
  @Operation(summary = "A task with the inputs it takes")
  TaskResources.Task get(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.get("/api/tasks/{id}", TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/claim")
  @Operation(
      summary = "Claim a task",
      description = "409 if someone else holds it; claiming your own task changes nothing.")
  TaskResources.Task claim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.post("/api/tasks/{id}/claim", null, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/unclaim")
  @Operation(
      summary = "Give a task back to its groups",
      description = "Only the person who holds it.")
  TaskResources.Task unclaim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.post("/api/tasks/{id}/unclaim", null, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/complete")
  @Operation(
      summary = "Complete a task you hold",
      description = "The body holds the task's inputs, as its form lists them.")
  ResponseEntity<Void> complete(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @RequestBody(required = false) Map<String, Object> inputs) {
    engine.post("/api/tasks/{id}/complete", inputs == null ? Map.of() : inputs, null, id);
    return ResponseEntity.noContent().build();
  }
}
