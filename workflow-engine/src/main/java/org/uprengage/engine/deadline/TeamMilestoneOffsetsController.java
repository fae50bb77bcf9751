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

/** A country team's milestone offsets: read, and changed by its coordinators. */
@RestController
@RequestMapping("/api/country-teams/{team}/milestone-offsets")
class TeamMilestoneOffsetsController {

  private final TeamMilestoneOffsets offsets;
  private final AuditedChanges changes;

  TeamMilestoneOffsetsController(TeamMilestoneOffsets offsets, AuditedChanges changes) {
    this.offsets = offsets;
    this.changes = changes;
  }

  @GetMapping
  TeamOffsets get(Caller caller, @PathVariable String team) {
    return offsets.of(caller, team);
  }

  @PutMapping
  ResponseEntity<TeamOffsets> change(
      Caller caller,
      @PathVariable String team,
      @RequestBody(required = false) Map<String, Object> body) {
    return changes.commit(() -> ResponseEntity.ok(offsets.change(caller, team, body)));
  }
}
