package org.uprengage.engine.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.security.Profile;

/**
 * The directory of people. The identity provider's claims keep it as requests arrive: an entry is
 * written (and {@code person.updated.v1} raised) only when what the token says differs from it, and
 * what each replica last saw is remembered so that an unchanged token costs no database access.
 */
@Service
public class People {

  /** Beyond this many people remembered, the memory starts again (each then read once more). */
  private static final int REMEMBERED = 10_000;

  private final JdbcTemplate jdbc;
  private final EventOutbox outbox;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Map<String, Person> lastSeen = new ConcurrentHashMap<>();

  People(JdbcTemplate jdbc, EventOutbox outbox, Clock clock, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
    this.transactions = transactions;
  }

  public Optional<Person> find(String username) {
    return jdbc.query("SELECT * FROM upr_person WHERE username = ?", People::row, username).stream()
        .findFirst();
  }

  /**
   * Brings the caller's entry in line with their token: nothing happens when it already says the
   * same. A claim the token leaves out (no e-mail, say) keeps what the directory knows.
   */
  void follow(Profile profile) {
    Caller caller = profile.caller();
    Person fromToken =
        new Person(
            caller.username(),
            profile.displayName() == null ? caller.username() : profile.displayName(),
            profile.email(),
            profile.language(),
            profile.timeZone(),
            caller.agency(),
            caller.roles().stream().sorted().toList(),
            caller.countryTeams().stream().sorted().toList(),
            "token",
            0);
    Person seen = lastSeen.get(caller.username());
    if (seen != null && fromToken.keeping(seen).sameAs(seen) && "token".equals(seen.source())) {
      return;
    }
    Person now = transactions.execute(status -> save(fromToken.keeping(find(caller.username()))));
    if (lastSeen.size() >= REMEMBERED) {
      lastSeen.clear();
    }
    lastSeen.put(now.username(), now);
  }

  /**
   * Writes the entry where it differs from the directory's, raising {@code person.updated.v1}, in
   * the caller's transaction; returns the entry as it now is.
   */
  @Transactional
  Person save(Person person) {
    Optional<Person> current =
        jdbc
            .query(
                "SELECT * FROM upr_person WHERE username = ? FOR UPDATE",
                People::row,
                person.username())
            .stream()
            .findFirst();
    if (current.isPresent()
        && current.get().sameAs(person)
        && current.get().source().equals(person.source())) {
      return current.get();
    }
    int version = current.map(Person::version).orElse(0) + 1;
    Person saved =
        new Person(
            person.username(),
            person.displayName(),
            person.email(),
            person.language(),
            person.timeZone(),
            person.agency(),
            person.roles(),
            person.countryTeams(),
            person.source(),
            version);
    jdbc.update(
        """
        INSERT INTO upr_person (username, display_name, email, language, time_zone, agency, roles, country_teams, source, version, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
            language = EXCLUDED.language, time_zone = EXCLUDED.time_zone, agency = EXCLUDED.agency, roles = EXCLUDED.roles,
            country_teams = EXCLUDED.country_teams, source = EXCLUDED.source, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        """,
        saved.username(),
        saved.displayName(),
        saved.email(),
        saved.language(),
        saved.timeZone(),
        saved.agency(),
        saved.roles().toArray(String[]::new),
        saved.countryTeams().toArray(String[]::new),
        saved.source(),
        saved.version(),
        Timestamp.from(clock.instant()));
    outbox.appendKeyed(saved.username(), "people/" + saved.username(), PersonUpdated.of(saved));
    lastSeen.remove(saved.username());
    return saved;
  }

  /**
   * The people of a country team (or, with none named, of every team the caller may list): for
   * platform admins, and the admins and coordinators of the team.
   */
  @Transactional(readOnly = true)
  public List<Person> list(Caller caller, String countryTeam) {
    if (countryTeam == null) {
      if (caller.platformAdmin()) {
        return jdbc.query("SELECT * FROM upr_person ORDER BY username", People::row);
      }
      requireLister(caller);
      return jdbc.query(
          "SELECT * FROM upr_person WHERE country_teams && ?::text[] ORDER BY username",
          People::row,
          (Object) caller.countryTeams().toArray(String[]::new));
    }
    if (!countryTeam.matches("[A-Z]{3}")) {
      throw new InvalidInput("countryTeam", "must be an ISO 3166-1 alpha-3 code such as KEN");
    }
    if (!caller.platformAdmin() && !caller.belongsTo(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
    if (!caller.platformAdmin()) {
      requireLister(caller);
    }
    return jdbc.query(
        "SELECT * FROM upr_person WHERE ? = ANY (country_teams) ORDER BY username",
        People::row,
        countryTeam);
  }

  private static void requireLister(Caller caller) {
    if (!caller.hasRole(Caller.ADMIN) && !caller.hasRole(Caller.COORDINATOR)) {
      throw new Forbidden("Only admins and coordinators list the people of their country teams.");
    }
  }

  private static Person row(ResultSet rs, int i) throws SQLException {
    return new Person(
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("language"),
        rs.getString("time_zone"),
        rs.getString("agency"),
        strings(rs.getArray("roles")),
        strings(rs.getArray("country_teams")),
        rs.getString("source"),
        rs.getInt("version"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
