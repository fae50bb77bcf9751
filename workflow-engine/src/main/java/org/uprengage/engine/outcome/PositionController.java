package org.uprengage.engine.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.recommendation.PositionChange;
import org.uprengage.engine.recommendation.PositionResult;
import org.uprengage.engine.recommendation.PositionVersion;
import org.uprengage.engine.recommendation.PositionsApplied;
import org.uprengage.engine.recommendation.Recommendation;
import org.uprengage.engine.recommendation.RecommendationPositions;
import org.uprengage.engine.security.Caller;

/**
 * The positions on a review's recommendations: coordinators set or correct one, or many at once
 * with a result for each; everyone of the team reads each one's versions.
 */
@RestController
class PositionController {

  static final int MAX_ITEMS = 1_000;
  private static final String ONE = "/api/reviews/{id}/recommendations/{recommendationId}";

  private final ReviewOutcomes outcomes;
  private final RecommendationPositions positions;
  private final AuditedChanges changes;

  PositionController(
      ReviewOutcomes outcomes, RecommendationPositions positions, AuditedChanges changes) {
    this.outcomes = outcomes;
    this.positions = positions;
    this.changes = changes;
  }

  /** A position and where the State gave it. */
  record Position(String position, Recommendation.PositionSource source) {}

  /** One position of many: the recommendation's paragraph, its position, and its own source. */
  record Item(String paragraph, String position, Recommendation.PositionSource source) {}

  /** Positions on many recommendations; {@code source} is the source of those without their own. */
  record Positions(Recommendation.PositionSource source, List<Item> positions) {}

  /** How many positions were changed, unchanged and rejected, and each one's result. */
  record Results(long changed, long unchanged, long rejected, List<PositionResult> results) {}

  @PutMapping(ONE + "/position")
  ResponseEntity<Recommendation> setOne(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @RequestBody Position body) {
    return changes.commit(
        () ->
            ResponseEntity.ok(
                outcomes.correctPosition(
                    caller, id, recommendationId, body.position(), body.source())));
  }

  @PostMapping("/api/reviews/{id}/recommendations/positions")
  ResponseEntity<Results> setMany(
      Caller caller, @PathVariable UUID id, @RequestBody Positions body) {
    if (body.positions() == null || body.positions().isEmpty()) {
      throw new InvalidInput("positions", "name at least one recommendation");
    }
    if (body.positions().size() > MAX_ITEMS) {
      throw new InvalidInput("positions", "at most " + MAX_ITEMS + " recommendations a request");
    }
    List<PositionChange> asked = new ArrayList<>();
    for (Item item : body.positions()) {
      asked.add(
          item == null
              ? new PositionChange(null, null, null)
              : new PositionChange(
                  item.paragraph(),
                  item.position(),
                  item.source() != null ? item.source() : body.source()));
    }
    return changes.commit(
        () -> {
          PositionsApplied applied = outcomes.correctPositions(caller, id, asked);
          return ResponseEntity.ok(
              new Results(
                  applied.count(PositionResult.CHANGED),
                  applied.count(PositionResult.UNCHANGED),
                  applied.count(PositionResult.REJECTED),
                  applied.results()));
        });
  }

  @GetMapping(ONE + "/positions")
  List<PositionVersion> history(
      Caller caller, @PathVariable UUID id, @PathVariable UUID recommendationId) {
    return positions.history(caller, id, recommendationId);
  }
}
