package org.uprengage.engine.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * Each country team's milestone offsets: how many days before the date it hangs on each
 * configurable milestone falls when the team's next review is planned. A milestone the team has not
 * set follows the installation's default ({@code upr.milestones.days-before}). Reviews already
 * planned keep their dates.
 */
@Service
public class TeamMilestoneOffsets {

  static final int MAX_DAYS = 365;

  private final JdbcTemplate jdbc;
  private final MilestoneOffsets defaults;
  private final Directory directory;
  private final Clock clock;

  TeamMilestoneOffsets(
      JdbcTemplate jdbc, MilestoneOffsets defaults, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.defaults = defaults;
    this.directory = directory;
    this.clock = clock;
  }

  /** The days before its date of each configurable milestone, for a team's next review. */
  public Map<String, Integer> effective(String countryTeam) {
    Map<String, Integer> days = new LinkedHashMap<>();
    MilestoneOffsets.KEYS.forEach(key -> days.put(key, defaults.daysBefore().get(key)));
    teamRows(countryTeam).forEach((key, row) -> days.put(key, row.daysBefore()));
    return days;
  }

  /** The team's offsets as people see them: each with where it comes from. */
  @Transactional(readOnly = true)
  public TeamOffsets of(Caller caller, String countryTeam) {
    visible(caller, countryTeam);
    return view(countryTeam);
  }

  /**
   * Sets (or, with null, resets to the default) some of a team's offsets: coordinators of the team
   * and admins. The submission's milestones must keep their order.
   */
  @Transactional
  public TeamOffsets change(Caller caller, String countryTeam, Map<String, Object> body) {
    visible(caller, countryTeam);
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins change a team's milestone offsets.");
    }
    List<FieldError> errors = new ArrayList<>();
    Object given = body == null ? null : body.get("daysBefore");
    if (body != null) {
      body.keySet().stream()
          .filter(name -> !name.equals("daysBefore"))
          .sorted()
          .forEach(name -> errors.add(new FieldError(name, "is not a field here")));
    }
    if (!(given instanceof Map<?, ?> changes) || changes.isEmpty()) {
      throw new InvalidInput(
          "daysBefore", "is required: an object of milestone keys and days (null resets one)");
    }
    Map<String, Integer> result = effective(countryTeam);
    Map<String, Integer> set = new HashMap<>();
    List<String> reset = new ArrayList<>();
    changes.forEach(
        (rawKey, value) -> {
          String key = String.valueOf(rawKey);
          String field = "daysBefore." + key;
          if (!MilestoneOffsets.KEYS.contains(key)) {
            errors.add(
                new FieldError(
                    field, "is not a configurable milestone; known: " + MilestoneOffsets.KEYS));
          } else if (value == null) {
            reset.add(key);
            result.put(key, defaults.daysBefore().get(key));
          } else if (!(value instanceof Integer days) || days < 0 || days > MAX_DAYS) {
            errors.add(new FieldError(field, "must be a whole number of days, 0 to " + MAX_DAYS));
          } else {
            set.put(key, days);
            result.put(key, days);
          }
        });
    if (errors.isEmpty()) {
      List<String> order = MilestoneOffsets.SUBMISSION_KEYS;
      for (int i = 1; i < order.size(); i++) {
        String earlier = order.get(i - 1);
        String later = order.get(i);
        if (result.get(later) > result.get(earlier)) {
          String field = "daysBefore." + (set.containsKey(later) ? later : earlier);
          errors.add(
              new FieldError(
                  field,
                  later
                      + " ("
                      + result.get(later)
                      + " days before) cannot fall before "
                      + earlier
                      + " ("
                      + result.get(earlier)
                      + " days before)"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Timestamp now = Timestamp.from(clock.instant());
    reset.forEach(
        key ->
            jdbc.update(
                "DELETE FROM upr_country_team_milestone_offset WHERE country_team = ? AND key = ?",
                countryTeam,
                key));
    set.forEach(
        (key, days) ->
            jdbc.update(
                """
                INSERT INTO upr_country_team_milestone_offset (country_team, key, days_before, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (country_team, key) DO UPDATE SET days_before = EXCLUDED.days_before,
                    changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                """,
                countryTeam,
                key,
                days,
                caller.username(),
                now));
    return view(countryTeam);
  }

  private void visible(Caller caller, String countryTeam) {
    if (!caller.belongsTo(countryTeam) || !directory.countryTeamExists(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
  }

  private TeamOffsets view(String countryTeam) {
    Map<String, TeamRow> rows = teamRows(countryTeam);
    List<TeamOffsets.Offset> offsets = new ArrayList<>();
    for (String key : MilestoneOffsets.KEYS) {
      TeamRow row = rows.get(key);
      offsets.add(
          new TeamOffsets.Offset(
              key,
              row == null ? defaults.daysBefore().get(key) : row.daysBefore(),
              MilestoneOffsets.COUNTED_FROM.get(key),
              row == null ? TeamOffsets.DEFAULT : TeamOffsets.TEAM,
              row == null ? null : row.changedBy()));
    }
    return new TeamOffsets(countryTeam, offsets);
  }

  private Map<String, TeamRow> teamRows(String countryTeam) {
    Map<String, TeamRow> rows = new HashMap<>();
    jdbc.query(
        "SELECT key, days_before, changed_by FROM upr_country_team_milestone_offset WHERE country_team = ?",
        rs -> {
          rows.put(
              rs.getString("key"),
              new TeamRow(rs.getInt("days_before"), rs.getString("changed_by")));
        },
        countryTeam);
    return rows;
  }

  private record TeamRow(int daysBefore, String changedBy) {}
}
