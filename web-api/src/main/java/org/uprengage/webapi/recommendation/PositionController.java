package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/**
 * The positions on a review's recommendations: set or corrected, one or many, and their versions.
 */
@RestController
@Tag(name = "Recommendations")
class PositionController {

  private final Backend engine;

  PositionController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PutMapping("/api/reviews/{id}/recommendations/{recommendationId}/position")
  @Operation(
      summary = "Set or correct one recommendation's position (coordinators, admins)",
      description =
          "pending, supported, noted or supported/noted, with its source: the document symbol"
              + " (required but for pending) and the paragraph. The change is kept as a version"
              + " and raises review.positions-recorded.v1; the same position and source again"
              + " change nothing.")
  RecommendationResources.Recommendation setPosition(
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @Valid @RequestBody RecommendationResources.PositionUpdate position) {
    return engine.put(
        "/api/reviews/{id}/recommendations/{recommendationId}/position",
        position,
        RecommendationResources.Recommendation.class,
        id,
        recommendationId);
  }

  @PostMapping("/api/reviews/{id}/recommendations/positions")
  @Operation(
      summary = "Set or correct the positions of many recommendations (coordinators, admins)",
      description =
          "Each by its paragraph number, with its own source or the request's. Those that can be"
              + " taken are; each gets its result (changed, unchanged or rejected with the input at"
              + " fault and the reason). The changes are kept as versions and raise one"
              + " review.positions-recorded.v1. At most 1,000 a request.")
  RecommendationResources.PositionResults setPositions(
      @PathVariable UUID id,
      @Valid @RequestBody RecommendationResources.PositionUpdates positions) {
    return engine.post(
        "/api/reviews/{id}/recommendations/positions",
        positions,
        RecommendationResources.PositionResults.class,
        id);
  }

  @GetMapping("/api/reviews/{id}/recommendations/{recommendationId}/positions")
  @Operation(
      summary = "The versions of one recommendation's position, the latest first",
      description =
          "Who changed it, when, through what (correction, early, final, import), from what to"
              + " what, each with its source.")
  List<RecommendationResources.PositionVersion> positionHistory(
      @PathVariable UUID id, @PathVariable UUID recommendationId) {
    return engine.get(
        "/api/reviews/{id}/recommendations/{recommendationId}/positions",
        new ParameterizedTypeReference<List<RecommendationResources.PositionVersion>>() {},
        id,
        recommendationId);
  }
}
