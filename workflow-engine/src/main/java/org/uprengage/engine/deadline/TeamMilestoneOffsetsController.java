package org.uprengage.engine.deadline;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.security.Caller;

@RestController
@RequestMapping("/api/country-teams/{team}/milestone-offsets")
class TeamMilestoneOffsetsController {

  private final TeamMilestoneOffsets offsets;

  TeamMilestoneOffsetsController(TeamMilestoneOffsets offsets) {
    this.offsets = offsets;
  }

  @GetMapping
  TeamOffsets get(Caller caller, @PathVariable String team) {
    return offsets.of(caller, team);
  }

  @PutMapping
  TeamOffsets change(
      Caller caller,
      @PathVariable String team,
      @RequestBody(required = false) Map<String, Object> body) {
    return offsets.change(caller, team, body);
  }
}
