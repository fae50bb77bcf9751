package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/**
 * Assigning a review's recommendations to a lead agency and supporting agencies: one, or a theme,
 * an SDG or a list of paragraphs at once.
 */
@RestController
@Tag(name = "Recommendations")
class AssignmentController {

  private final Backend engine;

  AssignmentController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PutMapping("/api/reviews/{id}/recommendations/{recommendationId}/assignment")
  @Operation(
      summary =
          "Assign one recommendation to a lead agency and supporting agencies (coordinators,"
              + " admins)",
      description =
          "Agencies by their codes (GET /api/agencies); the lead may not also support. A change"
              + " raises review.recommendations-assigned.v1, and the agencies' focal points and"
              + " heads of office are told (notification kind recommendation-assigned); the same"
              + " agencies again change nothing.")
  RecommendationResources.Recommendation assignOne(
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @Valid @RequestBody RecommendationResources.AssignmentUpdate assignment) {
    return engine.put(
        "/api/reviews/{id}/recommendations/{recommendationId}/assignment",
        assignment,
        RecommendationResources.Recommendation.class,
        id,
        recommendationId);
  }

  @PostMapping("/api/reviews/{id}/recommendations/assignments")
  @Operation(
      summary = "Assign many recommendations at once (coordinators, admins)",
      description =
          "Every recommendation of a theme, of an SDG goal, or of a list of paragraph numbers"
              + " (exactly one of paragraphs, theme, sdg; at most 1,000 paragraphs). Each gets its"
              + " result: changed, unchanged, or rejected with the reason (a paragraph the"
              + " register does not hold, or one given twice). The changes raise one"
              + " review.recommendations-assigned.v1; a theme or SDG that matches nothing is a"
              + " 400.")
  RecommendationResources.AssignmentResults assignMany(
      @PathVariable UUID id,
      @Valid @RequestBody RecommendationResources.AssignmentUpdates assignments) {
    return engine.post(
        "/api/reviews/{id}/recommendations/assignments",
        assignments,
        RecommendationResources.AssignmentResults.class,
        id);
  }
}
