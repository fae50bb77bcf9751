package org.uprengage.engine.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** A review's milestones: listed, and moved by a coordinator. */
@RestController
@RequestMapping("/api/reviews/{reviewId}/milestones")
class MilestoneController {

  private final DeadlinePlanner planner;
  private final AuditedChanges changes;

  MilestoneController(DeadlinePlanner planner, AuditedChanges changes) {
    this.planner = planner;
    this.changes = changes;
  }

  @GetMapping
  List<Milestone> all(Caller caller, @PathVariable UUID reviewId) {
    return planner.milestones(caller, reviewId);
  }

  @PutMapping("/{key}")
  ResponseEntity<Milestone> move(
      Caller caller,
      @PathVariable UUID reviewId,
      @PathVariable String key,
      @Valid @RequestBody MoveMilestone request) {
    return changes.commit(
        () -> ResponseEntity.ok(planner.move(caller, reviewId, key, request.dueOn())));
  }

  record MoveMilestone(@NotNull LocalDate dueOn) {}
}
