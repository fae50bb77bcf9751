package org.uprengage.engine.task;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditEntry;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.web.ETags;

/**
 * The task API: the caller's tasks, and every command on one task, each run with its If-Match check
 * in one audited transaction.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  /** What If-Match names on a task, for whoever sends something else. */
  static final String TASK_VERSION = "a task version from its ETag";

  private final TaskWork work;
  private final TaskAttachments attachments;
  private final AuditedChanges changes;
  private final Clock clock;

  TaskController(TaskWork work, TaskAttachments attachments, AuditedChanges changes, Clock clock) {
    this.work = work;
    this.attachments = attachments;
    this.changes = changes;
    this.clock = clock;
  }

  @GetMapping
  TaskPage list(
      Caller caller,
      @RequestParam(required = false) UUID reviewId,
      @RequestParam(defaultValue = "both") String show,
      @RequestParam(required = false) String taskKey,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) LocalDate dueBefore,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String stage,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "asc") String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new InvalidInput("order", "must be asc or desc");
    }
    if (q != null && q.length() > 200) {
      throw new InvalidInput("q", "must be at most 200 characters");
    }
    Instant before = dueBefore == null ? null : dueBefore.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (overdue) {
      Instant now = clock.instant();
      before = before == null || now.isBefore(before) ? now : before;
    }
    return work.list(
        caller,
        new TaskFilter(
            reviewId,
            show,
            taskKey,
            before,
            q == null || q.isBlank() ? null : q,
            sort,
            order.equals("desc"),
            stage),
        page,
        size);
  }

  @GetMapping("/{id}")
  ResponseEntity<TaskView> get(Caller caller, @PathVariable String id) {
    TaskView task = work.get(caller, id);
    return ETags.ok(task, task.version());
  }

  @PostMapping("/{id}/claim")
  ResponseEntity<TaskView> claim(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, TASK_VERSION);
    return answered(() -> work.claim(caller, id, expected));
  }

  @PostMapping("/{id}/unclaim")
  ResponseEntity<TaskView> unclaim(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, TASK_VERSION);
    return answered(() -> work.unclaim(caller, id, expected));
  }

  @PostMapping("/{id}/assign")
  ResponseEntity<TaskView> assign(
      Caller caller,
      @PathVariable String id,
      @RequestBody Assignment assignment,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return versioned(caller, id, ifMatch, () -> work.assign(caller, id, assignment.assignee()));
  }

  @PostMapping("/{id}/delegate")
  ResponseEntity<TaskView> delegate(
      Caller caller,
      @PathVariable String id,
      @RequestBody Delegation delegation,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return versioned(caller, id, ifMatch, () -> work.delegate(caller, id, delegation.to()));
  }

  @PostMapping("/{id}/resolve")
  ResponseEntity<TaskView> resolve(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return versioned(caller, id, ifMatch, () -> work.resolve(caller, id));
  }

  @PostMapping("/{id}/follow-up")
  ResponseEntity<TaskView> followUp(
      Caller caller,
      @PathVariable String id,
      @RequestBody FollowUp followUp,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return versioned(caller, id, ifMatch, () -> work.followUp(caller, id, followUp.on()));
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> input,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, TASK_VERSION);
    return onceMoreIfConcurrent(
        () ->
            changes.commit(
                () -> {
                  work.complete(caller, id, input, expected);
                  return ResponseEntity.noContent().build();
                }));
  }

  @GetMapping("/{id}/comments")
  List<TaskComment> comments(Caller caller, @PathVariable String id) {
    return work.comments(caller, id);
  }

  @PostMapping("/{id}/comments")
  ResponseEntity<TaskComment> comment(
      Caller caller, @PathVariable String id, @RequestBody NewComment comment) {
    return changes.commit(
        () ->
            ResponseEntity.status(HttpStatus.CREATED)
                .body(work.comment(caller, id, comment.text())));
  }

  @GetMapping("/{id}/attachments")
  List<TaskAttachment> attachments(Caller caller, @PathVariable String id) {
    return attachments.list(caller, id);
  }

  @PostMapping("/{id}/attachments")
  ResponseEntity<TaskAttachment> attach(
      Caller caller, @PathVariable String id, @RequestBody NewAttachment attachment) {
    return changes.commit(
        () -> {
          TaskAttachment added =
              attachments.add(
                  caller, id, attachment.name(), attachment.url(), attachment.description());
          return ResponseEntity.created(
                  URI.create("/api/tasks/" + id + "/attachments/" + added.id()))
              .body(added);
        });
  }

  @DeleteMapping("/{id}/attachments/{attachmentId}")
  ResponseEntity<Void> detach(
      Caller caller, @PathVariable String id, @PathVariable UUID attachmentId) {
    return changes.commit(
        () -> {
          attachments.remove(caller, id, attachmentId);
          return ResponseEntity.noContent().build();
        });
  }

  @GetMapping("/{id}/audit")
  List<AuditEntry> audit(Caller caller, @PathVariable String id) {
    return work.audit(caller, id);
  }

  /**
   * A task command that checks the If-Match version itself, in its one engine command, and whose
   * answer is the task as the command left it, with its version as ETag: in one audited
   * transaction, once more if it raced.
   */
  private ResponseEntity<TaskView> answered(Supplier<TaskView> command) {
    return onceMoreIfConcurrent(
        () ->
            changes.commit(
                () -> {
                  TaskView task = command.get();
                  return ETags.ok(task, task.version());
                }));
  }

  /** A task command whose answer is the task as the command left it, with its version as ETag. */
  private ResponseEntity<TaskView> versioned(
      Caller caller, String id, String ifMatch, Supplier<TaskView> command) {
    return checked(
        caller,
        id,
        ifMatch,
        () -> {
          TaskView task = command.get();
          return ETags.ok(task, task.version());
        });
  }

  /**
   * Runs a task command after the If-Match check, when the caller sent one, both in one audited
   * transaction; once more if it raced.
   */
  private <T> ResponseEntity<T> checked(
      Caller caller, String id, String ifMatch, Supplier<ResponseEntity<T>> command) {
    Integer expected = ETags.ifMatch(ifMatch, TASK_VERSION);
    return onceMoreIfConcurrent(
        () ->
            changes.commit(
                () -> {
                  if (expected != null) {
                    work.expectVersion(caller, id, expected);
                  }
                  return command.get();
                }));
  }

  /**
   * Runs a command and, if it lost a race with another change of the same process (a timer firing,
   * say), runs it once more on the new state: a second loss is the caller's 409.
   */
  static <T> T onceMoreIfConcurrent(Supplier<T> command) {
    try {
      return command.get();
    } catch (OptimisticLockingException lost) {
      return command.get();
    }
  }

  record Assignment(String assignee) {}

  record Delegation(String to) {}

  record FollowUp(LocalDate on) {}

  record NewComment(String text) {}

  record NewAttachment(String name, String url, String description) {}
}
