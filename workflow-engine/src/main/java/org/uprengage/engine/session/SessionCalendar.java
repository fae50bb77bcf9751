package org.uprengage.engine.session;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * The UPR session calendar: official dates as OHCHR publishes them, computed ones where it has not
 * (see {@link SessionView}). Admins keep it; every change is kept as a new version with who, when,
 * the old and the new value.
 */
@Service
public class SessionCalendar {

  /** Who added a session that a review's hand-over needed. */
  public static final String PLANNED_BY = "upr-engage";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final HrcSessions hrcSessions;

  SessionCalendar(
      JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, HrcSessions hrcSessions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.hrcSessions = hrcSessions;
  }

  public Optional<UprSession> find(int number) {
    return jdbc
        .query("SELECT * FROM upr_session WHERE number = ?", SessionCalendar::row, number)
        .stream()
        .findFirst();
  }

  public List<SessionView> all() {
    return jdbc.query("SELECT * FROM upr_session ORDER BY number", SessionCalendar::row).stream()
        .map(this::viewOf)
        .toList();
  }

  public Optional<SessionView> view(int number) {
    return find(number).map(this::viewOf);
  }

  private SessionView viewOf(UprSession session) {
    return SessionView.of(session, hrcSessions::session);
  }

  public List<SessionChange> history(int number) {
    return jdbc.query(
        "SELECT * FROM upr_session_change WHERE session_number = ? ORDER BY id",
        (rs, i) ->
            new SessionChange(
                rs.getInt("version"),
                rs.getString("field"),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant()),
        number);
  }

  /**
   * Adds a session nobody has published yet, with tentative dates (two weeks from {@code
   * startsOn}), where the calendar does not have it: a review handed over to the next cycle needs
   * its session. An admin corrects the dates once OHCHR publishes them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void planTentatively(int number, LocalDate startsOn) {
    int added =
        jdbc.update(
            "INSERT INTO upr_session (number, cycle, starts_on, ends_on, dates_tentative) VALUES (?, ?, ?, ?, TRUE) ON CONFLICT (number) DO NOTHING",
            number,
            DeadlineRules.cycleOf(number),
            startsOn,
            startsOn.plusDays(11));
    if (added > 0) {
      Caller system = new Caller(PLANNED_BY, Set.of(), null, Set.of());
      recordChange(number, 1, SessionField.STARTS_ON, null, startsOn, system);
      recordChange(number, 1, SessionField.ENDS_ON, null, startsOn.plusDays(11), system);
      recordChange(number, 1, SessionField.DATES_TENTATIVE, null, true, system);
    }
  }

  /** Adds a session to the calendar (admins). */
  @Transactional
  public SessionView create(Caller caller, Map<String, Object> body) {
    requireAdmin(caller);
    List<FieldError> errors = new ArrayList<>();
    Object numberValue = body == null ? null : body.get("number");
    if (!(numberValue instanceof Integer number) || number < 1 || number > 999) {
      throw new InvalidInput("number", "must be a WG session number between 1 and 999");
    }
    Map<SessionField, Object> values = new EnumMap<>(SessionField.class);
    values.put(SessionField.DATES_TENTATIVE, false);
    body.forEach(
        (name, value) -> {
          if (!name.equals("number")) {
            read(name, value, values, errors);
          }
        });
    for (SessionField field : SessionField.values()) {
      if (field.required && values.get(field) == null) {
        errors.add(new FieldError(field.apiName, "is required"));
      }
    }
    throwIf(errors);
    validate(values);
    if (find(number).isPresent()) {
      throw new Conflict(
          "WG session " + number + " is already in the calendar; change it with PATCH.");
    }
    jdbc.update(
        "INSERT INTO upr_session (number, cycle, starts_on, ends_on) VALUES (?, ?, ?, ?)",
        number,
        DeadlineRules.cycleOf(number),
        values.get(SessionField.STARTS_ON),
        values.get(SessionField.ENDS_ON));
    for (SessionField field : SessionField.values()) {
      jdbc.update(
          "UPDATE upr_session SET " + field.column + " = ? WHERE number = ?",
          values.get(field),
          number);
      if (values.get(field) != null) {
        recordChange(number, 1, field, null, values.get(field), caller);
      }
    }
    return view(number).orElseThrow();
  }

  /**
   * Changes the fields present in {@code patch} (JSON merge patch: null clears an official date,
   * which is then computed again). With {@code expectedVersion}, a concurrent change wins and this
   * one gets 409 with the current entry.
   */
  @Transactional
  public SessionView update(
      Caller caller, int number, Map<String, Object> patch, Integer expectedVersion) {
    requireAdmin(caller);
    UprSession current =
        jdbc
            .query(
                "SELECT * FROM upr_session WHERE number = ? FOR UPDATE",
                SessionCalendar::row,
                number)
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFound("Session", number));
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new Conflict(
          "The session was changed meanwhile (now version " + current.version() + ").",
          viewOf(current));
    }
    Map<SessionField, Object> before = values(current);
    Map<SessionField, Object> after = new EnumMap<>(before);
    List<FieldError> errors = new ArrayList<>();
    if (patch == null || patch.isEmpty()) {
      throw new InvalidInput("body", "name at least one field to change");
    }
    patch.forEach((name, value) -> read(name, value, after, errors));
    throwIf(errors);
    validate(after);
    List<SessionField> changed = new ArrayList<>();
    for (SessionField field : SessionField.values()) {
      if (!Objects.equals(before.get(field), after.get(field))) {
        changed.add(field);
      }
    }
    if (changed.isEmpty()) {
      return viewOf(current);
    }
    int version = current.version() + 1;
    for (SessionField field : changed) {
      jdbc.update(
          "UPDATE upr_session SET " + field.column + " = ? WHERE number = ?",
          after.get(field),
          number);
      recordChange(number, version, field, before.get(field), after.get(field), caller);
    }
    jdbc.update("UPDATE upr_session SET version = ? WHERE number = ?", version, number);
    events.publishEvent(new SessionDatesChanged(number, caller.username()));
    return view(number).orElseThrow();
  }

  private static void read(
      String name, Object value, Map<SessionField, Object> into, List<FieldError> errors) {
    Optional<SessionField> field = SessionField.named(name);
    if (field.isEmpty()) {
      errors.add(
          new FieldError(
              name,
              name.equals("number") || name.equals("cycle")
                  ? "cannot be changed"
                  : "is not a field of a session"));
      return;
    }
    try {
      into.put(field.get(), field.get().read(value));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, e.getMessage()));
    }
  }

  /** The dates must make sense together: submissions before the session, the addendum after it. */
  private static void validate(Map<SessionField, Object> values) {
    LocalDate start = (LocalDate) values.get(SessionField.STARTS_ON);
    LocalDate end = (LocalDate) values.get(SessionField.ENDS_ON);
    List<FieldError> errors = new ArrayList<>();
    if (end.isBefore(start)) {
      errors.add(new FieldError("endsOn", "must not be before startsOn (" + start + ")"));
    }
    for (SessionField before :
        List.of(
            SessionField.STAKEHOLDER_DEADLINE,
            SessionField.UN_ENTITY_DEADLINE,
            SessionField.NATIONAL_REPORT_DEADLINE)) {
      LocalDate date = (LocalDate) values.get(before);
      if (date != null && !date.isBefore(start)) {
        errors.add(
            new FieldError(before.apiName, "must be before the session opens (" + start + ")"));
      }
    }
    for (SessionField after :
        List.of(SessionField.ADDENDUM_EARLY_DEADLINE, SessionField.ADDENDUM_FINAL_DEADLINE)) {
      LocalDate date = (LocalDate) values.get(after);
      if (date != null && !date.isAfter(end)) {
        errors.add(new FieldError(after.apiName, "must be after the session closes (" + end + ")"));
      }
    }
    LocalDate early = (LocalDate) values.get(SessionField.ADDENDUM_EARLY_DEADLINE);
    LocalDate last = (LocalDate) values.get(SessionField.ADDENDUM_FINAL_DEADLINE);
    if (early != null && last != null && early.isAfter(last)) {
      errors.add(
          new FieldError(
              "addendumEarlyDeadline", "must not be after addendumFinalDeadline (" + last + ")"));
    }
    throwIf(errors);
  }

  private static void throwIf(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only admins keep the session calendar.");
    }
  }

  private void recordChange(
      int number,
      int version,
      SessionField field,
      Object oldValue,
      Object newValue,
      Caller caller) {
    jdbc.update(
        "INSERT INTO upr_session_change (session_number, version, field, old_value, new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        number,
        version,
        field.apiName,
        oldValue == null ? null : oldValue.toString(),
        newValue == null ? null : newValue.toString(),
        caller.username(),
        Timestamp.from(clock.instant()));
  }

  private static Map<SessionField, Object> values(UprSession session) {
    Map<SessionField, Object> values = new EnumMap<>(SessionField.class);
    values.put(SessionField.STARTS_ON, session.startsOn());
    values.put(SessionField.ENDS_ON, session.endsOn());
    values.put(SessionField.DATES_TENTATIVE, session.datesTentative());
    values.put(SessionField.HRC_SESSION, session.hrcSession());
    values.put(SessionField.STAKEHOLDER_DEADLINE, session.stakeholderDeadline());
    values.put(SessionField.UN_ENTITY_DEADLINE, session.unEntityDeadline());
    values.put(SessionField.NATIONAL_REPORT_DEADLINE, session.nationalReportDeadline());
    values.put(SessionField.ADDENDUM_EARLY_DEADLINE, session.addendumEarlyDeadline());
    values.put(SessionField.ADDENDUM_FINAL_DEADLINE, session.addendumFinalDeadline());
    return values;
  }

  private static UprSession row(ResultSet rs, int i) throws SQLException {
    return new UprSession(
        rs.getInt("number"),
        rs.getInt("cycle"),
        date(rs, "starts_on"),
        date(rs, "ends_on"),
        rs.getBoolean("dates_tentative"),
        rs.getObject("hrc_session", Integer.class),
        date(rs, "stakeholder_deadline"),
        date(rs, "un_entity_deadline"),
        date(rs, "national_report_deadline"),
        date(rs, "addendum_early_deadline"),
        date(rs, "addendum_final_deadline"),
        rs.getInt("version"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
