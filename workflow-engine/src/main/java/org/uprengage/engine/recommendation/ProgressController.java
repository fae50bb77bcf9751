package org.uprengage.engine.recommendation;

import java.net.URI;
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
import org.uprengage.engine.security.Caller;

/**
 * The implementation of recommendations: the lead agency's people report progress, heads of office
 * clear it where the team asks for that, everyone of the team reads the history; coordinators set
 * how the team follows up.
 */
@RestController
class ProgressController {

  private static final String PROGRESS =
      "/api/reviews/{id}/recommendations/{recommendationId}/progress";
  private static final String SETTINGS = "/api/country-teams/{team}/implementation-settings";

  private final RecommendationProgress progress;
  private final ImplementationSettings settings;
  private final AuditedChanges changes;

  ProgressController(
      RecommendationProgress progress, ImplementationSettings settings, AuditedChanges changes) {
    this.progress = progress;
    this.settings = settings;
    this.changes = changes;
  }

  @PostMapping(PROGRESS)
  ResponseEntity<ProgressUpdate> report(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @RequestBody ProgressReport body) {
    return changes.commit(
        () -> {
          ProgressUpdate update = progress.report(caller, id, recommendationId, body);
          return ResponseEntity.created(
                  URI.create(
                      "/api/reviews/"
                          + id
                          + "/recommendations/"
                          + recommendationId
                          + "/progress/"
                          + update.id()))
              .body(update);
        });
  }

  @GetMapping(PROGRESS)
  List<ProgressUpdate> history(
      Caller caller, @PathVariable UUID id, @PathVariable UUID recommendationId) {
    return progress.history(caller, id, recommendationId);
  }

  @PostMapping(PROGRESS + "/{updateId}/clearance")
  ResponseEntity<ProgressUpdate> clear(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @PathVariable UUID updateId,
      @RequestBody RecommendationProgress.Decision body) {
    return changes.commit(
        () -> ResponseEntity.ok(progress.decide(caller, id, recommendationId, updateId, body)));
  }

  @GetMapping(SETTINGS)
  ImplementationSettings.Setting settings(Caller caller, @PathVariable String team) {
    return settings.of(caller, team);
  }

  @PutMapping(SETTINGS)
  ResponseEntity<ImplementationSettings.Setting> changeSettings(
      Caller caller, @PathVariable String team, @RequestBody SettingChange body) {
    return changes.commit(
        () ->
            ResponseEntity.ok(
                settings.change(
                    caller,
                    team,
                    new ImplementationSettings.Setting(
                        team, body.progressClearance(), body.roundMonths()))));
  }

  /** The settings to change; a field left out stays as it is. */
  record SettingChange(Boolean progressClearance, Integer roundMonths) {}
}
