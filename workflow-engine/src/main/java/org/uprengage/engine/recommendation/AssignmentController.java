package org.uprengage.engine.recommendation;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/**
 * Coordinators assign a lead agency and supporting agencies to one recommendation, or to every
 * recommendation of a theme, an SDG or a list of paragraphs at once with a result for each.
 */
@RestController
class AssignmentController {

  private final RecommendationAssignments assignments;
  private final AuditedChanges changes;

  AssignmentController(RecommendationAssignments assignments, AuditedChanges changes) {
    this.assignments = assignments;
    this.changes = changes;
  }

  /** The agencies for many recommendations, and which: paragraphs, a theme or an SDG. */
  record Assignments(
      String leadAgency,
      List<String> supportingAgencies,
      List<String> paragraphs,
      String theme,
      Integer sdg) {}

  @PutMapping("/api/reviews/{id}/recommendations/{recommendationId}/assignment")
  ResponseEntity<Recommendation> assignOne(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @RequestBody AssignmentRequest body) {
    return changes.commit(
        () -> ResponseEntity.ok(assignments.assignOne(caller, id, recommendationId, body)));
  }

  @PostMapping("/api/reviews/{id}/recommendations/assignments")
  ResponseEntity<AssignmentsApplied> assignMany(
      Caller caller, @PathVariable UUID id, @RequestBody Assignments body) {
    return changes.commit(
        () ->
            ResponseEntity.ok(
                assignments.assign(
                    caller,
                    id,
                    new AssignmentRequest(body.leadAgency(), body.supportingAgencies()),
                    new RecommendationAssignments.Selection(
                        body.paragraphs(), body.theme(), body.sdg()))));
  }
}
