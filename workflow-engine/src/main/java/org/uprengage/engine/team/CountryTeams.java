package org.uprengage.engine.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * The installation's country teams: platform admins create and close them; a team's own admins
 * change its name, agencies, time zone and language. A closed team starts no new review; the
 * reviews it runs go on to their end.
 */
@Service
public class CountryTeams {

  private static final Set<String> ISO_ALPHA3 =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
  private static final Set<String> FIELDS = Set.of("name", "agencies", "timeZone", "language");
  private static final int MAX_NAME = 200;

  private final JdbcTemplate jdbc;
  private final Directory directory;
  private final Clock clock;

  CountryTeams(JdbcTemplate jdbc, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  /** Every team for a platform admin; the caller's own teams for anyone else. */
  @Transactional(readOnly = true)
  public List<CountryTeamView> visibleTo(Caller caller) {
    return jdbc.query("SELECT * FROM upr_country_team ORDER BY code", this::row).stream()
        .filter(team -> caller.platformAdmin() || caller.belongsTo(team.code()))
        .toList();
  }

  /** The team, if the caller belongs to it or is a platform admin. */
  @Transactional(readOnly = true)
  public CountryTeamView visible(Caller caller, String code) {
    return find(code)
        .filter(team -> caller.platformAdmin() || caller.belongsTo(team.code()))
        .orElseThrow(() -> new NotFound("Country team", code));
  }

  @Transactional(readOnly = true)
  public Optional<CountryTeamView> find(String code) {
    return jdbc.query("SELECT * FROM upr_country_team WHERE code = ?", this::row, code).stream()
        .findFirst();
  }

  /** How many country teams are open: none means nobody can start a review yet. */
  @Transactional(readOnly = true)
  public int openCount() {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_country_team WHERE closed_at IS NULL", Integer.class);
    return count == null ? 0 : count;
  }

  /** Creates a country team (platform admins). */
  @Transactional
  public CountryTeamView create(Caller caller, Map<String, Object> body) {
    if (!caller.platformAdmin()) {
      throw new Forbidden("Only platform admins create country teams.");
    }
    if (body == null) {
      throw new InvalidInput("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    Object code = body.get("code");
    if (!(code instanceof String text) || !ISO_ALPHA3.contains(text)) {
      errors.add(
          new FieldError(
              "code", "must be the ISO 3166-1 alpha-3 code of a State, such as KEN for Kenya"));
    }
    Map<String, Object> values = read(body, Set.of("code"), errors);
    for (String required : List.of("name", "timeZone", "language")) {
      if (!body.containsKey(required)) {
        errors.add(new FieldError(required, "is required"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (find((String) code).isPresent()) {
      throw new Conflict("A country team for " + code + " exists already.");
    }
    jdbc.update(
        "INSERT INTO upr_country_team (code, name, time_zone, language, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        code,
        values.get("name"),
        values.get("timeZone"),
        values.get("language"),
        caller.username(),
        Timestamp.from(now()));
    setAgencies((String) code, agenciesIn(values));
    return find((String) code).orElseThrow();
  }

  /**
   * Changes the fields given (platform admins, and admins of the team); with {@code
   * expectedVersion}, a change made meanwhile wins and this one gets 409 with the team as it is.
   */
  @Transactional
  public CountryTeamView update(
      Caller caller, String code, Map<String, Object> patch, Integer expectedVersion) {
    CountryTeamView current = lockedVisible(caller, code);
    if (!caller.administers(code)) {
      throw new Forbidden("Only platform admins and the team's admins change a country team.");
    }
    if (current.closed()) {
      throw new Conflict("The country team " + code + " is closed.", current);
    }
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new Conflict(
          "The country team was changed meanwhile (now version " + current.version() + ").",
          current);
    }
    if (patch == null || patch.isEmpty()) {
      throw new InvalidInput("body", "name at least one field to change");
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> values = read(patch, Set.of(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    String name = (String) values.getOrDefault("name", current.name());
    String timeZone = (String) values.getOrDefault("timeZone", current.timeZone());
    String language = (String) values.getOrDefault("language", current.language());
    List<String> agencies =
        values.containsKey("agencies") ? agenciesIn(values) : current.agencies();
    if (name.equals(current.name())
        && timeZone.equals(current.timeZone())
        && language.equals(current.language())
        && agencies.equals(current.agencies())) {
      return current;
    }
    jdbc.update(
        "UPDATE upr_country_team SET name = ?, time_zone = ?, language = ?, version = version + 1 WHERE code = ?",
        name,
        timeZone,
        language,
        code);
    setAgencies(code, agencies);
    return find(code).orElseThrow();
  }

  /**
   * Closes a country team (platform admins): it starts no new review, and the reviews it runs go on
   * to their end, without a hand-over to the next cycle.
   */
  @Transactional
  public CountryTeamView close(Caller caller, String code) {
    CountryTeamView current = lockedVisible(caller, code);
    if (!caller.platformAdmin()) {
      throw new Forbidden("Only platform admins close country teams.");
    }
    if (current.closed()) {
      throw new Conflict("The country team " + code + " is closed already.", current);
    }
    jdbc.update(
        "UPDATE upr_country_team SET closed_by = ?, closed_at = ?, version = version + 1 WHERE code = ?",
        caller.username(),
        Timestamp.from(now()),
        code);
    return find(code).orElseThrow();
  }

  private CountryTeamView lockedVisible(Caller caller, String code) {
    jdbc.query("SELECT code FROM upr_country_team WHERE code = ? FOR UPDATE", rs -> {}, code);
    return visible(caller, code);
  }

  private Map<String, Object> read(
      Map<String, Object> body, Set<String> alsoAllowed, List<FieldError> errors) {
    Map<String, Object> values = new LinkedHashMap<>();
    body.forEach(
        (field, value) -> {
          if (alsoAllowed.contains(field)) {
            return;
          }
          if (!FIELDS.contains(field)) {
            errors.add(
                new FieldError(
                    field,
                    field.equals("code")
                        ? "cannot be changed"
                        : "is not a field of a country team"));
            return;
          }
          try {
            values.put(field, value(field, value));
          } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
          }
        });
    return values;
  }

  private Object value(String field, Object value) {
    return switch (field) {
      case "name" -> {
        if (!(value instanceof String name) || name.isBlank() || name.length() > MAX_NAME) {
          throw new IllegalArgumentException("must be a name of 1 to " + MAX_NAME + " characters");
        }
        yield name.strip();
      }
      case "timeZone" -> {
        if (value instanceof String zone) {
          try {
            ZoneId id = ZoneId.of(zone);
            if (!(id instanceof ZoneOffset)) {
              yield id.getId();
            }
          } catch (DateTimeException e) {
            // answered below
          }
        }
        throw new IllegalArgumentException("must be an IANA time zone such as Africa/Nairobi");
      }
      case "language" -> {
        if (!(value instanceof String tag) || !LANGUAGE.matcher(tag).matches()) {
          throw new IllegalArgumentException("must be a BCP 47 language tag such as en or fr");
        }
        yield tag;
      }
      default -> agencyCodes(value);
    };
  }

  private List<String> agencyCodes(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("must be a list of agency codes, such as [\"UNICEF\"]");
    }
    Set<String> codes = new TreeSet<>();
    for (Object item : list) {
      if (!(item instanceof String code) || !directory.isAgency(code)) {
        throw new IllegalArgumentException(
            "names an agency this installation does not know: "
                + item
                + " (GET /api/agencies lists them; a platform admin adds one)");
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  @SuppressWarnings("unchecked")
  private static List<String> agenciesIn(Map<String, Object> values) {
    return (List<String>) values.getOrDefault("agencies", List.of());
  }

  private void setAgencies(String code, List<String> agencies) {
    jdbc.update("DELETE FROM upr_country_team_agency WHERE country_team = ?", code);
    for (String agency : agencies) {
      jdbc.update(
          "INSERT INTO upr_country_team_agency (country_team, agency) VALUES (?, ?)", code, agency);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private CountryTeamView row(ResultSet rs, int i) throws SQLException {
    String code = rs.getString("code");
    return new CountryTeamView(
        code,
        rs.getString("name"),
        jdbc.queryForList(
            "SELECT agency FROM upr_country_team_agency WHERE country_team = ? ORDER BY agency",
            String.class,
            code),
        rs.getString("time_zone"),
        rs.getString("language"),
        rs.getInt("version"),
        rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")),
        rs.getString("closed_by"),
        instant(rs.getTimestamp("closed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
