package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.Relayed;

/**
 * The implementation of recommendations: progress reported by the lead agency, cleared by its heads
 * of office where the team asks for it, and how the team follows up.
 */
@RestController
@Tag(name = "Recommendations")
class ProgressController {

  private static final String PROGRESS =
      "/api/reviews/{id}/recommendations/{recommendationId}/progress";
  private static final String SETTINGS = "/api/country-teams/{team}/implementation-settings";
  private static final String TEAM = "[A-Z]{3}";
  private static final String TEAM_MESSAGE = "must be an ISO 3166-1 alpha-3 code such as GHA";

  private final Backend engine;

  ProgressController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PostMapping(PROGRESS)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Report progress on a recommendation (the lead agency's focal points and heads of"
              + " office)",
      description =
          "Status, what was done, links to the evidence, the date it describes (today or earlier)."
              + " Kept in the recommendation's history; it counts at once unless the country team"
              + " asks heads of office to clear updates (then a focal point's update waits,"
              + " clearance pending; a head of office's own counts). 409 while the recommendation"
              + " has no lead agency.")
  ResponseEntity<RecommendationResources.ProgressUpdate> report(
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @Valid @RequestBody RecommendationResources.ProgressReport report) {
    RecommendationResources.ProgressUpdate update =
        engine.post(
            PROGRESS, report, RecommendationResources.ProgressUpdate.class, id, recommendationId);
    return Relayed.created(update, update.id());
  }

  @GetMapping(PROGRESS)
  @Operation(summary = "Every progress update on a recommendation, the latest reported first")
  List<RecommendationResources.ProgressUpdate> progress(
      @PathVariable UUID id, @PathVariable UUID recommendationId) {
    return engine.get(
        PROGRESS,
        new ParameterizedTypeReference<List<RecommendationResources.ProgressUpdate>>() {},
        id,
        recommendationId);
  }

  @PostMapping(PROGRESS + "/{updateId}/clearance")
  @Operation(
      summary = "Clear or return a pending progress update (heads of office of its agency)",
      description =
          "clear: it counts from now; return (with a comment saying what to change): it never"
              + " counts, the agency reports again. 409 for an update not waiting for clearance.")
  RecommendationResources.ProgressUpdate clear(
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @PathVariable UUID updateId,
      @Valid @RequestBody RecommendationResources.ClearanceDecision decision) {
    return engine.post(
        PROGRESS + "/{updateId}/clearance",
        decision,
        RecommendationResources.ProgressUpdate.class,
        id,
        recommendationId,
        updateId);
  }

  @GetMapping(SETTINGS)
  @Operation(
      summary = "How a country team follows up its recommendations",
      description =
          "Whether heads of office clear progress updates (default no), and every how many months"
              + " an implementation round opens (default 6).")
  RecommendationResources.ImplementationSetting settings(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team) {
    return engine.get(SETTINGS, RecommendationResources.ImplementationSetting.class, team);
  }

  @PutMapping(SETTINGS)
  @Operation(
      summary = "Change how a country team follows up its recommendations (coordinators, admins)",
      description = "A field left out stays as it is; at least one is given.")
  RecommendationResources.ImplementationSetting changeSettings(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team,
      @Valid @RequestBody RecommendationResources.ImplementationSettingChange change) {
    return engine.put(SETTINGS, change, RecommendationResources.ImplementationSetting.class, team);
  }
}
