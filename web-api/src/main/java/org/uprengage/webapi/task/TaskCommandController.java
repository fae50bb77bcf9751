package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/**
 * Changing one task: claim, give back, assign, delegate, resolve, follow-up, due date, complete,
 * comment. Each command carries the caller's If-Match and answers the task with its ETag.
 */
@RestController
@RequestMapping("/api/tasks/{id}")
@Tag(name = "Tasks")
class TaskCommandController {

  private final Backend engine;

  TaskCommandController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PostMapping("/claim")
  @TaskAnswer
  @Operation(
      summary = "Claim a task",
      description = "409 if someone else holds it; claiming your own task changes nothing.")
  ResponseEntity<byte[]> claim(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/claim", null, ifMatch, id);
  }

  @PostMapping("/unclaim")
  @TaskAnswer
  @Operation(
      summary = "Give a task back to its groups",
      description = "Only the person who holds it.")
  ResponseEntity<byte[]> unclaim(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/unclaim", null, ifMatch, id);
  }

  @PostMapping("/assign")
  @TaskAnswer
  @Operation(
      summary = "Assign a task to someone (coordinators)",
      description = "Reassigns where someone holds it; the assignee is told.")
  ResponseEntity<byte[]> assign(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @Valid @RequestBody Assignment assignment,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/assign", assignment, ifMatch, id);
  }

  @PostMapping("/delegate")
  @TaskAnswer
  @Operation(
      summary = "Delegate a task you hold",
      description = "The delegate works on it and resolves it; then you complete it.")
  ResponseEntity<byte[]> delegate(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @Valid @RequestBody Delegation delegation,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/delegate", delegation, ifMatch, id);
  }

  @PostMapping("/resolve")
  @TaskAnswer
  @Operation(summary = "Hand a task delegated to you back to its holder")
  ResponseEntity<byte[]> resolve(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/resolve", null, ifMatch, id);
  }

  @PostMapping("/follow-up")
  @TaskAnswer
  @Operation(
      summary = "Set (or clear, with null) the day you want to look at a task you hold again")
  ResponseEntity<byte[]> followUp(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @RequestBody FollowUp followUp,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/follow-up", followUp, ifMatch, id);
  }

  @PostMapping("/due")
  @TaskAnswer
  @Operation(
      summary = "Give one task a due date of its own (coordinators)",
      description =
          "The end of a day ({\"on\":\"2027-02-15\"}) or a time ({\"at\":\"2027-02-15T12:00:00+01:00\"}), exactly one. Its reminders (14, 7 and 1 days before) and escalation follow, and a deadline.changed event tells whoever works on it. Today or later (a time: later than now); 409 for a review on the first model of the process, whose drafts follow their milestone. Moving the task's milestone moves it again with every other task due then.")
  ResponseEntity<byte[]> due(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @Valid @RequestBody TaskDue due,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return command("/api/tasks/{id}/due", due, ifMatch, id);
  }

  @PostMapping("/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Complete a task you hold",
      description = "The body holds the task's inputs, as its form lists them.")
  void complete(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @RequestBody(required = false) Map<String, Object> inputs,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    engine.exchange(
        HttpMethod.POST,
        "/api/tasks/{id}/complete",
        inputs == null ? Map.of() : inputs,
        ifMatch,
        Void.class,
        id);
  }

  @PostMapping("/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on a task you see")
  TaskResources.Comment comment(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @Valid @RequestBody NewComment comment) {
    return engine.post("/api/tasks/{id}/comments", comment, TaskResources.Comment.class, id);
  }

  /**
   * Relays a task command with the caller's If-Match, and answers the engine's answer as it is: the
   * task with its ETag (documented by {@link TaskAnswer}).
   */
  private ResponseEntity<byte[]> command(
      String uri, Object body, String ifMatch, Object... variables) {
    return engine.relay(HttpMethod.POST, uri, body, ifMatch, variables);
  }

  /** Who is to hold the task. */
  record Assignment(
      @NotBlank @Pattern(regexp = TaskResources.USERNAME, message = TaskResources.USERNAME_MESSAGE)
          String assignee) {}

  /** Who is to work on the task for its holder. */
  record Delegation(
      @NotBlank @Pattern(regexp = TaskResources.USERNAME, message = TaskResources.USERNAME_MESSAGE)
          String to) {}

  /** The day to look at the task again; null clears it. */
  record FollowUp(LocalDate on) {}

  /** The task's own due date: the end of a day ({@code on}) or a time ({@code at}). */
  record TaskDue(
      @Schema(description = "The day the task is due, at the end of that day in Geneva")
          LocalDate on,
      @Schema(description = "Or the time it is due, with its offset; later than now")
          OffsetDateTime at) {}

  /** A comment's text. */
  record NewComment(@NotBlank @Size(max = 4000) String text) {}
}
