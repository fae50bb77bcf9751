package org.uprengage.engine.directory;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Agencies and country teams known to this installation. */
@Service
public class Directory {

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

  /** A UN entity that can contribute to a country team's submission. */
  public record Agency(String code, String name) {}
}
