package org.uprengage.engine.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * The Human Rights Council's regular sessions: seeded for 2022-2027, kept by admins (each change
 * versioned for If-Match and in the audit trail). A change moves the milestones of every review
 * whose WG session that HRC session adopts.
 */
@Service
public class HrcSessions {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  HrcSessions(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The session as the calendar has it, else as the Council's usual pattern places it. */
  public HrcSession session(int number) {
    return find(number).orElseGet(() -> HrcSession.computed(number));
  }

  public Optional<HrcSession> find(int number) {
    return jdbc
        .query("SELECT * FROM hrc_session WHERE number = ?", HrcSessions::row, number)
        .stream()
        .findFirst();
  }

  public List<HrcSession> all() {
    return jdbc.query("SELECT * FROM hrc_session ORDER BY number", HrcSessions::row);
  }

  /**
   * Changes {@code opensOn}, {@code closesOn} or {@code published} (admins); with {@code
   * expectedVersion}, a concurrent change wins and this one gets 409 with the current entry.
   */
  @Transactional
  public HrcSession update(
      Caller caller, int number, Map<String, Object> patch, Integer expectedVersion) {
    if (!caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only admins keep the session calendar.");
    }
    HrcSession current =
        jdbc
            .query(
                "SELECT * FROM hrc_session WHERE number = ? FOR UPDATE", HrcSessions::row, number)
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFound("HRC session", number));
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new Conflict(
          "The HRC session was changed meanwhile (now version " + current.version() + ").",
          current);
    }
    if (patch == null || patch.isEmpty()) {
      throw new InvalidInput("body", "name at least one field to change");
    }
    List<FieldError> errors = new ArrayList<>();
    LocalDate opens = current.opensOn();
    LocalDate closes = current.closesOn();
    boolean published = HrcSession.PUBLISHED.equals(current.source());
    for (Map.Entry<String, Object> field : patch.entrySet()) {
      try {
        switch (field.getKey()) {
          case "opensOn" -> opens = (LocalDate) SessionField.STARTS_ON.read(field.getValue());
          case "closesOn" -> closes = (LocalDate) SessionField.ENDS_ON.read(field.getValue());
          case "published" ->
              published = (Boolean) SessionField.DATES_TENTATIVE.read(field.getValue());
          default ->
              errors.add(
                  new FieldError(
                      field.getKey(),
                      field.getKey().equals("number")
                          ? "cannot be changed"
                          : "is not a field of an HRC session"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field.getKey(), e.getMessage()));
      }
    }
    if (errors.isEmpty() && closes.isBefore(opens)) {
      errors.add(new FieldError("closesOn", "must not be before opensOn (" + opens + ")"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (opens.equals(current.opensOn())
        && closes.equals(current.closesOn())
        && published == HrcSession.PUBLISHED.equals(current.source())) {
      return current;
    }
    jdbc.update(
        "UPDATE hrc_session SET opens_on = ?, closes_on = ?, published = ?, version = version + 1 WHERE number = ?",
        opens,
        closes,
        published,
        number);
    for (Integer wgSession : adoptedAt(number)) {
      events.publishEvent(new SessionDatesChanged(wgSession, caller.username()));
    }
    return find(number).orElseThrow();
  }

  /** The WG sessions whose outcomes the HRC session adopts, as entered or computed. */
  private List<Integer> adoptedAt(int hrcSession) {
    return jdbc
        .query(
            "SELECT number, starts_on, hrc_session FROM upr_session",
            (rs, i) -> {
              Integer official = rs.getObject("hrc_session", Integer.class);
              int adopting =
                  official != null
                      ? official
                      : DeadlineRules.hrcSessionAdopting(rs.getDate("starts_on").toLocalDate());
              return adopting == hrcSession ? rs.getInt("number") : null;
            })
        .stream()
        .filter(number -> number != null)
        .toList();
  }

  private static HrcSession row(ResultSet rs, int i) throws SQLException {
    return new HrcSession(
        rs.getInt("number"),
        rs.getDate("opens_on").toLocalDate(),
        rs.getDate("closes_on").toLocalDate(),
        rs.getBoolean("published") ? HrcSession.PUBLISHED : HrcSession.PLANNED,
        rs.getInt("version"));
  }
}
