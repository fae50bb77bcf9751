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
  ResponseEntity<TaskResources.Task> assign(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody Assignment assignment,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/assign", assignment, ifMatch, id);
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
  ResponseEntity<TaskResources.Task> delegate(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody Delegation delegation,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/delegate", delegation, ifMatch, id);
  }

  @PostMapping("/{id}/resolve")
  @Operation(summary = "Hand a task delegated to you back to its holder")
  ResponseEntity<TaskResources.Task> resolve(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/resolve", null, ifMatch, id);
  }

  @PostMapping("/{id}/follow-up")
  @Operation(
      summary = "Set (or clear, with null) the day you want to look at a task you hold again")
  ResponseEntity<TaskResources.Task> followUp(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @RequestBody FollowUp followUp,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/follow-up", followUp, ifMatch, id);
  }

  @PostMapping("/{id}/due")
  @Operation(
      summary = "Give one task a due date of its own (coordinators)",
      description =
          "Its reminders and escalation follow, and a deadline.changed event tells whoever works on it. Today or later; 409 for a review on the first model of the process, whose drafts follow their milestone. Moving the task's milestone moves it again with every other task due then.")
  ResponseEntity<TaskResources.Task> due(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody Due due,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/due", due, ifMatch, id);
  }

  record Due(@jakarta.validation.constraints.NotNull java.time.LocalDate on) {}

  @GetMapping("/{id}/attachments")
  @Operation(summary = "Documents attached to a task, by link")
  java.util.List<TaskResources.Attachment> attachments(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.get(
        "/api/tasks/{id}/attachments",
        new org.springframework.core.ParameterizedTypeReference<
            java.util.List<TaskResources.Attachment>>() {},
        id);
  }

  @PostMapping("/{id}/attachments")
  @Operation(
      summary = "Attach a document to a task by its link",
      description =
          "UPR Engage keeps the link (http or https, no credentials in it), never the file. At most 50 a task.")
  ResponseEntity<TaskResources.Attachment> attach(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @jakarta.validation.Valid @RequestBody NewAttachment attachment) {
    TaskResources.Attachment added =
        engine.post("/api/tasks/{id}/attachments", attachment, TaskResources.Attachment.class, id);
    return ResponseEntity.created(
            org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{attachmentId}")
                .buildAndExpand(added.id())
                .toUri())
        .body(added);
  }

  @org.springframework.web.bind.annotation.DeleteMapping("/{id}/attachments/{attachmentId}")
  @Operation(summary = "Remove an attachment (the person who added it, or a coordinator)")
  ResponseEntity<Void> detach(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @PathVariable UUID attachmentId) {
    engine.exchange(
        org.springframework.http.HttpMethod.DELETE,
        "/api/tasks/{id}/attachments/{attachmentId}",
        null,
        null,
        Map.of(),
        Void.class,
        id,
        attachmentId);
    return ResponseEntity.noContent().build();
  }

  record NewAttachment(
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
          String name,
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000)
          String url,
      @jakarta.validation.constraints.Size(max = 1000) String description) {}

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
  ResponseEntity<TaskResources.Task> get(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return withVersion(
        engine.exchange(
            org.springframework.http.HttpMethod.GET,
            "/api/tasks/{id}",
            null,
            null,
            Map.of(),
            TaskResources.Task.class,
            id));
  }

  @PostMapping("/{id}/claim")
  @Operation(
      summary = "Claim a task",
      description = "409 if someone else holds it; claiming your own task changes nothing.")
  ResponseEntity<TaskResources.Task> claim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/claim", null, ifMatch, id);
  }

  @PostMapping("/{id}/unclaim")
  @Operation(
      summary = "Give a task back to its groups",
      description = "Only the person who holds it.")
  ResponseEntity<TaskResources.Task> unclaim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    return command("/api/tasks/{id}/unclaim", null, ifMatch, id);
  }

  @PostMapping("/{id}/complete")
  @Operation(
      summary = "Complete a task you hold",
      description = "The body holds the task's inputs, as its form lists them.")
  ResponseEntity<Void> complete(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @RequestBody(required = false) Map<String, Object> inputs,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          String ifMatch) {
    engine.exchange(
        org.springframework.http.HttpMethod.POST,
        "/api/tasks/{id}/complete",
        org.springframework.http.MediaType.APPLICATION_JSON,
        inputs == null ? Map.of() : inputs,
        ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch),
        Void.class,
        id);
    return ResponseEntity.noContent().build();
  }

  /** Relays a task command with the caller's If-Match, and answers the task with its ETag. */
  private ResponseEntity<TaskResources.Task> command(
      String uri, Object body, String ifMatch, Object... variables) {
    return withVersion(
        engine.exchange(
            org.springframework.http.HttpMethod.POST,
            uri,
            org.springframework.http.MediaType.APPLICATION_JSON,
            body,
            ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch),
            TaskResources.Task.class,
            variables));
  }

  private static ResponseEntity<TaskResources.Task> withVersion(
      ResponseEntity<TaskResources.Task> answer) {
    String etag = answer.getHeaders().getETag();
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (etag != null) {
      ok.header(org.springframework.http.HttpHeaders.ETAG, etag);
    }
    return ok.body(answer.getBody());
  }
}
