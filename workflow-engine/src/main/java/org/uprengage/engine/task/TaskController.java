package org.uprengage.engine.task;

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
import org.uprengage.engine.security.Caller;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final TaskWork work;

  TaskController(TaskWork work) {
    this.work = work;
  }

  @GetMapping
  TaskPage list(
      Caller caller,
      @RequestParam(required = false) UUID reviewId,
      @RequestParam(defaultValue = "both") String show,
      @RequestParam(required = false) String taskKey,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) java.time.LocalDate dueBefore,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String stage,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "asc") String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!order.equals("asc") && !order.equals("desc")) {
      throw org.uprengage.engine.web.ApiProblem.invalid("order", "must be asc or desc");
    }
    if (q != null && q.length() > 200) {
      throw org.uprengage.engine.web.ApiProblem.invalid("q", "must be at most 200 characters");
    }
    java.time.Instant before =
        dueBefore == null ? null : dueBefore.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    if (overdue) {
      java.time.Instant now = java.time.Instant.now();
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

  @PostMapping("/{id}/assign")
  TaskView assign(Caller caller, @PathVariable String id, @RequestBody Assignment assignment) {
    return onceMoreIfConcurrent(() -> work.assign(caller, id, assignment.assignee()));
  }

  @GetMapping("/{id}/audit")
  java.util.List<org.uprengage.engine.audit.AuditEntry> audit(
      Caller caller, @PathVariable String id) {
    return work.audit(caller, id);
  }

  @GetMapping("/{id}/comments")
  java.util.List<TaskComment> comments(Caller caller, @PathVariable String id) {
    return work.comments(caller, id);
  }

  @PostMapping("/{id}/comments")
  ResponseEntity<TaskComment> comment(
      Caller caller, @PathVariable String id, @RequestBody NewComment comment) {
    return ResponseEntity.status(201).body(work.comment(caller, id, comment.text()));
  }

  @PostMapping("/{id}/delegate")
  TaskView delegate(Caller caller, @PathVariable String id, @RequestBody Delegation delegation) {
    return onceMoreIfConcurrent(() -> work.delegate(caller, id, delegation.to()));
  }

  @PostMapping("/{id}/resolve")
  TaskView resolve(Caller caller, @PathVariable String id) {
    return onceMoreIfConcurrent(() -> work.resolve(caller, id));
  }

  @PostMapping("/{id}/follow-up")
  TaskView followUp(Caller caller, @PathVariable String id, @RequestBody FollowUp followUp) {
    return work.followUp(caller, id, followUp.on());
  }

  record Delegation(String to) {}

  record FollowUp(java.time.LocalDate on) {}

  record Assignment(String assignee) {}

  record NewComment(String text) {}

  @GetMapping("/{id}")
  TaskView get(Caller caller, @PathVariable String id) {
    return work.get(caller, id);
  }

  @PostMapping("/{id}/claim")
  TaskView claim(Caller caller, @PathVariable String id) {
    return onceMoreIfConcurrent(() -> work.claim(caller, id));
  }

  @PostMapping("/{id}/unclaim")
  TaskView unclaim(Caller caller, @PathVariable String id) {
    return onceMoreIfConcurrent(() -> work.unclaim(caller, id));
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> input) {
    onceMoreIfConcurrent(
        () -> {
          work.complete(caller, id, input);
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  /**
   * Runs a command and, if it lost a race with another change of the same process (a timer firing,
   * say), runs it once more on the new state: a second loss is the caller's 409.
   */
  private static <T> T onceMoreIfConcurrent(java.util.function.Supplier<T> command) {
    try {
      return command.get();
    } catch (org.camunda.bpm.engine.OptimisticLockingException lost) {
      return command.get();
    }
  }
}
