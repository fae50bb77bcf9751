package org.uprengage.engine.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** Starts reviews and moves them to another WG session. */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

  private final ReviewWorkflow workflow;
  private final AuditedChanges changes;

  ReviewController(ReviewWorkflow workflow, AuditedChanges changes) {
    this.workflow = workflow;
    this.changes = changes;
  }

  @PostMapping
  ResponseEntity<Review> start(Caller caller, @Valid @RequestBody StartReview request) {
    return changes.commit(
        () -> {
          Review review = workflow.start(caller, request.country(), request.session());
          return ResponseEntity.created(URI.create("/api/reviews/" + review.id())).body(review);
        });
  }

  @PostMapping("/{id}/move")
  ResponseEntity<Review> move(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody MoveReview request) {
    return changes.commit(
        () -> ResponseEntity.ok(workflow.move(caller, id, request.session(), request.reason())));
  }

  /** Where to move a review, and why (kept in the audit trail and the deadline changes). */
  record MoveReview(
      @NotNull @Positive @Max(value = 999, message = "must be a WG session number such as 45")
          Integer session,
      @Size(max = 500) String reason) {}

  record StartReview(
      @NotNull
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as GHA")
          String country,
      @NotNull @Positive @Max(value = 999, message = "must be a WG session number such as 42")
          Integer session) {}
}
