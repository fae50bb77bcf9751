package org.uprengage.engine.deadline;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** A country team's optional tasks: read by its members, chosen by its coordinators. */
@RestController
@RequestMapping("/api/country-teams/{team}/optional-tasks")
class OptionalTasksController {

  private final OptionalTasks tasks;
  private final AuditedChanges changes;

  OptionalTasksController(OptionalTasks tasks, AuditedChanges changes) {
    this.tasks = tasks;
    this.changes = changes;
  }

  @GetMapping
  TeamOptionalTasks get(Caller caller, @PathVariable String team) {
    return tasks.of(caller, team);
  }

  @PutMapping
  ResponseEntity<TeamOptionalTasks> change(
      Caller caller,
      @PathVariable String team,
      @RequestBody(required = false) Map<String, Object> body) {
    return changes.commit(() -> ResponseEntity.ok(tasks.change(caller, team, body)));
  }
}
