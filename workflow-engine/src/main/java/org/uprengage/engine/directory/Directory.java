package org.uprengage.engine.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;

/** Agencies and country teams known to this installation. */
@Service
public class Directory {

  private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9]{2,32}");

  private final JdbcTemplate jdbc;

  Directory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean countryTeamExists(String code) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_country_team WHERE code = ?", Integer.class, code);
    return count != null && count > 0;
  }

  /** Whether the country team exists and is not closed: only an open team starts reviews. */
  public boolean countryTeamOpen(String code) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_country_team WHERE code = ? AND closed_at IS NULL",
            Integer.class,
            code);
    return count != null && count > 0;
  }

  public List<Agency> agencies() {
    return jdbc.query(
        "SELECT code, name FROM upr_agency ORDER BY code",
        (rs, i) -> new Agency(rs.getString("code"), rs.getString("name")));
  }

  public boolean isAgency(String code) {
    Integer count =
        jdbc.queryForObject("SELECT count(*) FROM upr_agency WHERE code = ?", Integer.class, code);
    return count != null && count > 0;
  }

  /** Adds an agency the list lacks (platform admins). */
  @Transactional
  public Agency add(Caller caller, Map<String, Object> body) {
    if (!caller.platformAdmin()) {
      throw new Forbidden("Only platform admins add agencies.");
    }
    if (body == null) {
      throw new InvalidInput("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    body.keySet().stream()
        .filter(field -> !field.equals("code") && !field.equals("name"))
        .forEach(field -> errors.add(new FieldError(field, "is not a field of an agency")));
    String code = body.get("code") instanceof String text ? text : "";
    String name = body.get("name") instanceof String text ? text.strip() : "";
    if (!AGENCY_CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "must be 2 to 32 capital letters or digits, such as UNEP"));
    }
    if (name.isEmpty() || name.length() > 200) {
      errors.add(new FieldError("name", "must be a name of 1 to 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (isAgency(code)) {
      throw new Conflict("The agency " + code + " is known already.");
    }
    jdbc.update("INSERT INTO upr_agency (code, name) VALUES (?, ?)", code, name);
    return new Agency(code, name);
  }

  /** A UN entity that can contribute to a country team's submission. */
  public record Agency(String code, String name) {}
}
