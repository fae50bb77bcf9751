package org.uprengage.webapi.team;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** A country team's milestone offsets, read by its members and changed by its coordinators. */
@RestController
@RequestMapping("/api/country-teams/{team}/milestone-offsets")
@Tag(name = "Country teams")
class MilestoneOffsetsController {

  private static final String TEAM = "[A-Z]{3}";
  private static final String TEAM_MESSAGE = "must be an ISO 3166-1 alpha-3 code such as GHA";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Backend engine;

  MilestoneOffsetsController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "The country team's milestone offsets",
      description =
          "How many days before the date it hangs on (the UN-entity deadline for the submission's, the State's review day for the tasks before the dialogue, the national report or stakeholder deadline for the support to those reports) each milestone of the team's next reviews falls, and whether the team set it or it is the default.")
  TeamOffsets get(@PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team) {
    return engine.get("/api/country-teams/{team}/milestone-offsets", TeamOffsets.class, team);
  }

  @PutMapping
  @Operation(
      summary = "Change some of the country team's milestone offsets (coordinators, admins)",
      description =
          "daysBefore names the milestones to change, each with 0 to 365 days, or null to go back to the default. The submission's milestones must keep their order. Reviews already planned keep their dates; the team's next reviews use the new offsets.")
  TeamOffsets change(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ChangeOffsets.class)))
          Map<String, Object> change) {
    return engine.put(
        "/api/country-teams/{team}/milestone-offsets", withNulls(change), TeamOffsets.class, team);
  }

  /**
   * The body as JSON with its nulls (a null resets an offset), which the relay's own mapper would
   * leave out of nested objects.
   */
  private static String withNulls(Map<String, Object> change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The body is not JSON", e);
    }
  }

  /** The offsets to change. */
  record ChangeOffsets(
      @Schema(
              description = "milestone key to days before (0-365), or null for the default",
              example = "{\"agencyDraftsDue\": 35, \"briefings\": 21}")
          Map<String, Integer> daysBefore) {}

  /** A country team's milestone offsets. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TeamOffsets(String countryTeam, List<Offset> offsets) {}

  /** One milestone's offset. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Offset(
      @Schema(
              description =
                  "the milestone: one of the submission's (callForInputs, agencyDraftsDue, consolidation, clearance, rcSignOff, submission), briefings, compilationCheck, advanceQuestions, nationalReportSupport or stakeholderSupport",
              example = "agencyDraftsDue")
          String key,
      int daysBefore,
      @Schema(
              allowableValues = {
                "unEntitySubmission",
                "stateReview",
                "nationalReport",
                "stakeholderSubmission"
              })
          String before,
      @Schema(allowableValues = {"team", "default"}) String source,
      String changedBy) {}
}
