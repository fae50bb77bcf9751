package org.uprengage.notification.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Finds who works in a group of a country team, and keeps the directory. */
@Service
public class People {

  private final JdbcTemplate jdbc;

  People(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The people of {@code countryTeam} in any of {@code groups}, where a group is an agency code or
   * a role (as Camunda candidate groups are).
   */
  public List<Person> inGroups(String countryTeam, Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    String[] names = groups.toArray(String[]::new);
    return jdbc.query(
        "SELECT * FROM ns_person WHERE ? = ANY (country_teams) AND (agency = ANY (?::text[]) OR roles && ?::text[]) ORDER BY username",
        People::row,
        countryTeam,
        names,
        names);
  }

  public List<Person> named(String username) {
    return jdbc.query("SELECT * FROM ns_person WHERE username = ?", People::row, username);
  }

  /** Adds the person or brings their entry up to date. */
  public void save(Person person) {
    jdbc.update(
        """
        INSERT INTO ns_person (username, display_name, email, locale, agency, roles, country_teams) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
            locale = EXCLUDED.locale, agency = EXCLUDED.agency, roles = EXCLUDED.roles, country_teams = EXCLUDED.country_teams
        """,
        person.username(),
        person.displayName(),
        person.email(),
        person.locale(),
        person.agency(),
        person.roles().toArray(String[]::new),
        person.countryTeams().toArray(String[]::new));
  }

  private static Person row(ResultSet rs, int i) throws SQLException {
    return new Person(
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("locale"),
        rs.getString("agency"),
        strings(rs.getArray("roles")),
        strings(rs.getArray("country_teams")));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
