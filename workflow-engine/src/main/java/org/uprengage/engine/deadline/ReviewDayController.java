package org.uprengage.engine.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** The State's review day from OHCHR's timetable, entered by a coordinator. */
@RestController
@RequestMapping("/api/reviews/{reviewId}/review-day")
class ReviewDayController {

  private final DeadlinePlanner planner;
  private final AuditedChanges changes;

  ReviewDayController(DeadlinePlanner planner, AuditedChanges changes) {
    this.planner = planner;
    this.changes = changes;
  }

  @PutMapping
  ResponseEntity<List<Milestone>> set(
      Caller caller, @PathVariable UUID reviewId, @Valid @RequestBody ReviewDay request) {
    return changes.commit(
        () ->
            ResponseEntity.ok(
                planner.setReviewDay(
                    caller, reviewId, request.reviewDay(), request.wgReportAdopted())));
  }

  /** The review day and, where the timetable gives it, the day the WG adopts the report. */
  record ReviewDay(@NotNull LocalDate reviewDay, LocalDate wgReportAdopted) {}
}
