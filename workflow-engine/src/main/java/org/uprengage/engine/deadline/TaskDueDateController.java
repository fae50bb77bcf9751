package org.uprengage.engine.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskView;
import org.uprengage.engine.web.ETags;

/** A coordinator gives one task a due date of its own. */
@RestController
class TaskDueDateController {

  private final TaskDueDates dueDates;
  private final AuditedChanges changes;

  TaskDueDateController(TaskDueDates dueDates, AuditedChanges changes) {
    this.dueDates = dueDates;
    this.changes = changes;
  }

  @PostMapping("/api/tasks/{id}/due")
  ResponseEntity<TaskView> due(
      Caller caller,
      @PathVariable String id,
      @RequestBody Due due,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, "a task version from its ETag");
    return changes.commit(
        () -> {
          TaskView task =
              dueDates.set(
                  caller, id, due.on(), due.at() == null ? null : due.at().toInstant(), expected);
          return ETags.ok(task, task.version());
        });
  }

  /** The day the task is due (at its end), or the time, with its offset. */
  record Due(LocalDate on, OffsetDateTime at) {}
}
