package org.uprengage.notification.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.uprengage.notification.security.Caller;

/** Finds who works in a group of a country team, and keeps the directory. */
@Service
public class People {

  /**
   * A person with the language they read in (the one they chose in their preferences, else the
   * directory's) and the notification preferences they chose, so that telling them needs no
   * statement of its own to read those.
   */
  private static final String PERSON =
      """
      SELECT p.*, COALESCE(pr.language, p.locale) AS reads_in, pr.time_zone AS chosen_time_zone,
          pr.language AS chosen_language, pr.quiet_start, pr.quiet_end, pr.kinds AS chosen_kinds
      FROM ns_person p LEFT JOIN ns_preference pr ON pr.username = p.username
      """;

  /** Who is in any of the groups ({@code ?}: the country team, then the groups three times). */
  private static final String IN_GROUPS =
      """
       WHERE ? = ANY (p.country_teams) AND (p.agency = ANY (?::text[]) OR p.roles && ?::text[]
          OR EXISTS (SELECT 1 FROM unnest(p.roles) AS r(role) WHERE r.role || ':' || p.agency = ANY (?::text[])))
      """;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  People(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * A query of people as a scalar subquery (its answer JSON text, null for nobody), for a statement
   * that reads them along with what it writes; {@link #read} makes people of its answer.
   */
  public record Along(String expression, List<Object> arguments) {}

  /** {@link #inGroups}, read along with another statement. */
  public Along inGroupsAlong(String countryTeam, Collection<String> groups) {
    String[] names = groups.toArray(String[]::new);
    return along(IN_GROUPS, countryTeam, names, names, names);
  }

  /** {@link #named}, read along with another statement. */
  public Along namedAlong(String username) {
    return along(" WHERE p.username = ?::text", username);
  }

  private static Along along(String where, Object... arguments) {
    return new Along(
        "(SELECT json_agg(x ORDER BY x.username)::text FROM (" + PERSON + where + ") x)",
        Arrays.asList(arguments));
  }

  /** The people an {@link Along} answered, in its order (none for null). */
  public List<Person> read(String answer) {
    if (answer == null) {
      return List.of();
    }
    List<Person> read = new ArrayList<>();
    try {
      for (JsonNode row : json.readTree(answer)) {
        read.add(
            new Person(
                text(row, "username"),
                text(row, "display_name"),
                text(row, "email"),
                text(row, "reads_in"),
                text(row, "agency"),
                texts(row, "roles"),
                texts(row, "country_teams"),
                new Person.Chosen(
                    text(row, "chosen_time_zone"),
                    text(row, "chosen_language"),
                    time(text(row, "quiet_start")),
                    time(text(row, "quiet_end")),
                    text(row, "chosen_kinds"),
                    text(row, "time_zone"))));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL's JSON is always readable", e);
    }
    return List.copyOf(read);
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> texts(JsonNode row, String field) {
    JsonNode values = row.get(field);
    if (values == null || values.isNull()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return List.copyOf(texts);
  }

  private static LocalTime time(String value) {
    return value == null ? null : LocalTime.parse(value);
  }

  /**
   * The people of {@code countryTeam} in any of {@code groups}, where a group is an agency code, a
   * role, or a role within an agency ({@code head-of-office:UNICEF}), as Camunda candidate groups
   * are.
   */
  public List<Person> inGroups(String countryTeam, Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    String[] names = groups.toArray(String[]::new);
    return jdbc.query(
        PERSON + IN_GROUPS + " ORDER BY p.username", People::row, countryTeam, names, names, names);
  }

  /**
   * The agencies {@code groups} name: agency codes known to the directory, and the agency of a role
   * within an agency ({@code head-of-office:UNICEF} names UNICEF).
   */
  public Set<String> agenciesAmong(Collection<String> groups) {
    Set<String> agencies = new TreeSet<>();
    List<String> plain = new ArrayList<>();
    for (String group : groups) {
      int colon = group.indexOf(':');
      if (colon >= 0) {
        agencies.add(group.substring(colon + 1));
      } else {
        plain.add(group);
      }
    }
    if (!plain.isEmpty()) {
      agencies.addAll(
          jdbc.queryForList(
              "SELECT DISTINCT agency FROM ns_person WHERE agency = ANY (?::text[])",
              String.class,
              (Object) plain.toArray(String[]::new)));
    }
    return agencies;
  }

  /** The people who hold {@code role}, in any country team or none (platform admins, say). */
  public List<Person> withRole(String role) {
    return jdbc.query(PERSON + " WHERE ? = ANY (p.roles) ORDER BY p.username", People::row, role);
  }

  public List<Person> named(String username) {
    return jdbc.query(PERSON + " WHERE p.username = ?", People::row, username);
  }

  /**
   * The person as the directory knows them now, in the form requests are checked with: whatever
   * they subscribed to earlier reaches them only while {@link Caller#speaksFor} still says so.
   */
  public Optional<Caller> asCaller(String username) {
    return named(username).stream()
        .findFirst()
        .map(
            person ->
                new Caller(
                    person.username(),
                    Set.copyOf(person.roles()),
                    person.agency(),
                    Set.copyOf(person.countryTeams())));
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

  /**
   * Takes the entry workflow-engine's directory holds now, in {@code version}; an entry of the same
   * or a newer version here is kept (events of one person may arrive late or twice).
   *
   * @return whether the entry changed
   */
  public boolean follow(Person person, String timeZone, int version) {
    return jdbc.update(
            """
            INSERT INTO ns_person (username, display_name, email, locale, agency, roles, country_teams, time_zone, directory_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                locale = EXCLUDED.locale, agency = EXCLUDED.agency, roles = EXCLUDED.roles, country_teams = EXCLUDED.country_teams,
                time_zone = EXCLUDED.time_zone, directory_version = EXCLUDED.directory_version
            WHERE ns_person.directory_version < EXCLUDED.directory_version
            """,
            person.username(),
            person.displayName(),
            person.email(),
            person.locale() == null ? "en" : person.locale(),
            person.agency(),
            person.roles().toArray(String[]::new),
            person.countryTeams().toArray(String[]::new),
            timeZone,
            version)
        > 0;
  }

  private static Person row(ResultSet rs, int i) throws SQLException {
    return new Person(
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("reads_in"),
        rs.getString("agency"),
        strings(rs.getArray("roles")),
        strings(rs.getArray("country_teams")),
        new Person.Chosen(
            rs.getString("chosen_time_zone"),
            rs.getString("chosen_language"),
            localTime(rs.getTime("quiet_start")),
            localTime(rs.getTime("quiet_end")),
            rs.getString("chosen_kinds"),
            rs.getString("time_zone")));
  }

  private static LocalTime localTime(Time time) {
    return time == null ? null : time.toLocalTime();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
