package org.uprengage.engine.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * How each country team follows up its recommendations: whether a head of office clears an agency's
 * progress update before it counts (no by default), and every how many months an implementation
 * round opens (6 by default).
 */
@Service
public class ImplementationSettings {

  static final int DEFAULT_ROUND_MONTHS = 6;
  static final int MAX_ROUND_MONTHS = 24;

  private final JdbcTemplate jdbc;
  private final Directory directory;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ImplementationSettings(
      JdbcTemplate jdbc, Directory directory, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
    this.events = events;
  }

  /** A team changed every how many months its implementation rounds open. */
  record RoundMonthsChanged(String countryTeam, int roundMonths) {}

  /** A country team's settings; also the body that changes them (a field left out stays). */
  public record Setting(String countryTeam, Boolean progressClearance, Integer roundMonths) {}

  /** The team's settings, for its members. */
  @Transactional(readOnly = true)
  public Setting of(Caller caller, String countryTeam) {
    visible(caller, countryTeam);
    return of(countryTeam);
  }

  /** The team's settings, defaults filled in. */
  @Transactional(readOnly = true)
  public Setting of(String countryTeam) {
    return jdbc
        .query(
            "SELECT * FROM upr_implementation_setting WHERE country_team = ?",
            (rs, i) ->
                new Setting(
                    countryTeam, rs.getBoolean("progress_clearance"), rs.getInt("round_months")),
            countryTeam)
        .stream()
        .findFirst()
        .orElse(new Setting(countryTeam, false, DEFAULT_ROUND_MONTHS));
  }

  /** Changes the fields given: coordinators and admins of the team. */
  @Transactional
  public Setting change(Caller caller, String countryTeam, Setting asked) {
    visible(caller, countryTeam);
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins change how the team follows up.");
    }
    if (asked == null || (asked.progressClearance() == null && asked.roundMonths() == null)) {
      throw new InvalidInput("progressClearance", "give progressClearance, roundMonths or both");
    }
    if (asked.roundMonths() != null
        && (asked.roundMonths() < 1 || asked.roundMonths() > MAX_ROUND_MONTHS)) {
      throw new InvalidInput(
          "roundMonths", "must be 1 to " + MAX_ROUND_MONTHS + " months between rounds");
    }
    Setting current = of(countryTeam);
    boolean clearance =
        asked.progressClearance() != null ? asked.progressClearance() : current.progressClearance();
    int months = asked.roundMonths() != null ? asked.roundMonths() : current.roundMonths();
    jdbc.update(
        """
        INSERT INTO upr_implementation_setting (country_team, progress_clearance, round_months, changed_by, changed_at)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (country_team) DO UPDATE SET progress_clearance = EXCLUDED.progress_clearance,
            round_months = EXCLUDED.round_months, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
        """,
        countryTeam,
        clearance,
        months,
        caller.username(),
        Timestamp.from(clock.instant()));
    if (months != current.roundMonths()) {
      events.publishEvent(new RoundMonthsChanged(countryTeam, months));
    }
    return new Setting(countryTeam, clearance, months);
  }

  private void visible(Caller caller, String countryTeam) {
    if (!caller.belongsTo(countryTeam) || !directory.countryTeamExists(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
  }
}
