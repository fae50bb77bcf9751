package org.uprengage.webapi.team;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

/** The optional tasks a country team wants in its reviews, chosen by its coordinators. */
@RestController
@RequestMapping("/api/country-teams/{team}/optional-tasks")
@Tag(name = "Country teams")
class OptionalTasksController {

  private static final String TEAM = "[A-Z]{3}";
  private static final String TEAM_MESSAGE = "must be an ISO 3166-1 alpha-3 code such as GHA";

  private final Backend engine;

  OptionalTasksController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "The country team's optional tasks",
      description =
          "Checking the UN compilation and sharing advance questions before the dialogue (due from the State's review day), supporting the national consultation and report and the NHRI's and civil society's submissions (due from those deadlines): whether the team wants each (none by default) and when it falls due.")
  TeamOptionalTasks get(@PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team) {
    return engine.get("/api/country-teams/{team}/optional-tasks", TeamOptionalTasks.class, team);
  }

  @PutMapping
  @Operation(
      summary = "Choose some of the country team's optional tasks (coordinators, admins)",
      description =
          "wanted names the tasks to change, each true or false. A review gets a task when it reaches the point where the task starts.")
  TeamOptionalTasks change(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String team,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ChooseTasks.class)))
          Map<String, Object> change) {
    return engine.put(
        "/api/country-teams/{team}/optional-tasks", change, TeamOptionalTasks.class, team);
  }

  /** The choices to change. */
  record ChooseTasks(
      @Schema(
              description =
                  "optional task (compilationCheck, advanceQuestions, nationalReportSupport, stakeholderSupport) to true or false",
              example = "{\"compilationCheck\": true}")
          Map<String, Boolean> wanted) {}

  /** A country team's optional tasks. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TeamOptionalTasks(String countryTeam, List<Choice> tasks) {}

  /** One optional task. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Choice(
      @Schema(
              allowableValues = {
                "compilationCheck",
                "advanceQuestions",
                "nationalReportSupport",
                "stakeholderSupport"
              })
          String task,
      boolean wanted,
      @Schema(description = "days before its date it falls due (the team's milestone offset)")
          int daysBefore,
      @Schema(allowableValues = {"stateReview", "nationalReport", "stakeholderSubmission"})
          String before) {}
}
