package org.uprengage.engine.team;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.web.ETags;

/** Country teams: listed to their members, kept by platform admins and the teams' own admins. */
@RestController
@RequestMapping("/api/country-teams")
class CountryTeamController {

  private final CountryTeams teams;
  private final AuditedChanges changes;

  CountryTeamController(CountryTeams teams, AuditedChanges changes) {
    this.teams = teams;
    this.changes = changes;
  }

  @GetMapping
  List<CountryTeamView> visible(Caller caller) {
    return teams.visibleTo(caller);
  }

  @GetMapping("/{code}")
  ResponseEntity<CountryTeamView> one(Caller caller, @PathVariable String code) {
    CountryTeamView team = teams.visible(caller, code);
    return ETags.ok(team, team.version());
  }

  @PostMapping
  ResponseEntity<CountryTeamView> create(Caller caller, @RequestBody Map<String, Object> body) {
    return changes.commit(
        () -> {
          CountryTeamView team = teams.create(caller, body);
          return ResponseEntity.created(URI.create("/api/country-teams/" + team.code()))
              .eTag(String.valueOf(team.version()))
              .body(team);
        });
  }

  @PatchMapping(
      path = "/{code}",
      consumes = {"application/merge-patch+json", "application/json"})
  ResponseEntity<CountryTeamView> change(
      Caller caller,
      @PathVariable String code,
      @RequestBody Map<String, Object> patch,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, "the ETag of the country team");
    return changes.commit(
        () -> {
          CountryTeamView team = teams.update(caller, code, patch, expected);
          return ETags.ok(team, team.version());
        });
  }

  @PostMapping("/{code}/close")
  ResponseEntity<CountryTeamView> close(Caller caller, @PathVariable String code) {
    return changes.commit(
        () -> {
          CountryTeamView team = teams.close(caller, code);
          return ETags.ok(team, team.version());
        });
  }
}
