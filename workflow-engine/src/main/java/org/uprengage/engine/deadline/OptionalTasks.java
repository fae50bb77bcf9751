package org.uprengage.engine.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;

/**
 * The optional tasks each country team chooses for its reviews (none by default): checking the UN
 * compilation and sharing advance questions before the dialogue, supporting the national report and
 * the NHRI's and civil society's submissions before the review. The models ask, when a review gets
 * there: {@code ${optionalTasks.wanted(execution, 'compilationCheck')}}.
 */
@Service("optionalTasks")
public class OptionalTasks {

  /** The optional tasks, each named after the milestone it is due at. */
  public static final List<String> TASKS =
      List.of(
          MilestoneOffsets.COMPILATION_CHECK,
          MilestoneOffsets.ADVANCE_QUESTIONS,
          MilestoneOffsets.NATIONAL_REPORT_SUPPORT,
          MilestoneOffsets.STAKEHOLDER_SUPPORT);

  private final JdbcTemplate jdbc;
  private final Directory directory;
  private final TeamMilestoneOffsets offsets;
  private final Clock clock;

  OptionalTasks(JdbcTemplate jdbc, Directory directory, TeamMilestoneOffsets offsets, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.offsets = offsets;
    this.clock = clock;
  }

  /** Whether the country team of the execution's review wants the optional task. */
  public boolean wanted(DelegateExecution execution, String task) {
    return wantedBy(String.valueOf(execution.getVariable(ReviewProcess.VAR_COUNTRY)))
        .getOrDefault(task, false);
  }

  /** The team's choices as people see them. */
  @Transactional(readOnly = true)
  public TeamOptionalTasks of(Caller caller, String countryTeam) {
    visible(caller, countryTeam);
    return view(countryTeam);
  }

  /** Sets some of a team's choices ({@code {"wanted":{"compilationCheck":true}}}): coordinators. */
  @Transactional
  public TeamOptionalTasks change(Caller caller, String countryTeam, Map<String, Object> body) {
    visible(caller, countryTeam);
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins choose a team's optional tasks.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (body != null) {
      body.keySet().stream()
          .filter(name -> !name.equals("wanted"))
          .sorted()
          .forEach(name -> errors.add(new FieldError(name, "is not a field here")));
    }
    Object given = body == null ? null : body.get("wanted");
    if (!(given instanceof Map<?, ?> changes) || changes.isEmpty()) {
      throw new InvalidInput(
          "wanted", "is required: an object of optional tasks and true or false");
    }
    Map<String, Boolean> choices = new HashMap<>();
    changes.forEach(
        (rawKey, value) -> {
          String task = String.valueOf(rawKey);
          if (!TASKS.contains(task)) {
            errors.add(
                new FieldError("wanted." + task, "is not an optional task; known: " + TASKS));
          } else if (!(value instanceof Boolean wanted)) {
            errors.add(new FieldError("wanted." + task, "must be true or false"));
          } else {
            choices.put(task, wanted);
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Timestamp now = Timestamp.from(clock.instant());
    choices.forEach(
        (task, wanted) -> {
          if (wanted) {
            jdbc.update(
                """
                INSERT INTO upr_country_team_optional_task (country_team, task, changed_by, changed_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (country_team, task) DO NOTHING
                """,
                countryTeam,
                task,
                caller.username(),
                now);
          } else {
            jdbc.update(
                "DELETE FROM upr_country_team_optional_task WHERE country_team = ? AND task = ?",
                countryTeam,
                task);
          }
        });
    return view(countryTeam);
  }

  private Map<String, Boolean> wantedBy(String countryTeam) {
    Map<String, Boolean> wanted = new HashMap<>();
    jdbc.query(
        "SELECT task FROM upr_country_team_optional_task WHERE country_team = ?",
        rs -> {
          wanted.put(rs.getString("task"), true);
        },
        countryTeam);
    return wanted;
  }

  private void visible(Caller caller, String countryTeam) {
    if (!caller.belongsTo(countryTeam) || !directory.countryTeamExists(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
  }

  private TeamOptionalTasks view(String countryTeam) {
    Map<String, Boolean> wanted = wantedBy(countryTeam);
    Map<String, Integer> days = offsets.effective(countryTeam);
    return new TeamOptionalTasks(
        countryTeam,
        TASKS.stream()
            .map(
                task ->
                    new TeamOptionalTasks.Choice(
                        task,
                        wanted.getOrDefault(task, false),
                        days.get(task),
                        MilestoneOffsets.COUNTED_FROM.get(task)))
            .toList());
  }
}
