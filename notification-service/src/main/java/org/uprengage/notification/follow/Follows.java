package org.uprengage.notification.follow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.web.Problems;

/**
 * Follows of reviews and country teams, by people and by agencies, and who follows what an event
 * concerns.
 */
@Service
public class Follows {

  public static final String PERSON = "person";
  public static final String AGENCY = "agency";

  /** Follows per person, or per agency in one country team, at most. */
  static final int MAX_PER_FOLLOWER = 20;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final People people;

  Follows(JdbcTemplate jdbc, Clock clock, People people) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.people = people;
  }

  /**
   * A scalar subquery that reads the follows of a review ({@code ?}: its country team, then its id)
   * or of its whole country team, as {@code type:follower} texts, for a statement that reads them
   * along with what it writes; {@link #followersAmong} makes people of its answer.
   */
  public static final String FOLLOWS_OF_REVIEW =
      "(SELECT array_agg(follower_type || ':' || follower ORDER BY follower, follower_type) FROM ns_follow"
          + " WHERE country_team = ?::text AND (review_id IS NULL OR review_id = ?::uuid))";

  /**
   * The people following {@code reviewId} or its whole {@code countryTeam}: those following it
   * themselves, and the people of agencies following it, in that country team.
   */
  @Transactional(readOnly = true)
  public List<Person> followersOf(UUID reviewId, String countryTeam) {
    if (countryTeam == null) {
      return List.of();
    }
    List<String> follows =
        jdbc.queryForObject(
            "SELECT " + FOLLOWS_OF_REVIEW,
            (rs, i) -> {
              Array texts = rs.getArray(1);
              return texts == null ? List.<String>of() : List.of((String[]) texts.getArray());
            },
            countryTeam,
            reviewId);
    return followersAmong(follows, countryTeam);
  }

  /**
   * The people that {@code follows} (read by {@link #FOLLOWS_OF_REVIEW}) name, in {@code
   * countryTeam}: the people following themselves, and the people of the agencies following.
   */
  public List<Person> followersAmong(List<String> follows, String countryTeam) {
    if (countryTeam == null) {
      return List.of();
    }
    Set<Person> followers = new LinkedHashSet<>();
    for (String follow : follows) {
      int colon = follow.indexOf(':');
      String type = follow.substring(0, colon);
      String follower = follow.substring(colon + 1);
      if (PERSON.equals(type)) {
        people.named(follower).stream()
            .filter(person -> person.countryTeams().contains(countryTeam))
            .forEach(followers::add);
      } else {
        followers.addAll(people.inGroups(countryTeam, List.of(follower)));
      }
    }
    return List.copyOf(followers);
  }

  /** Follows a review or a country team, as the caller or for an agency they speak for. */
  @Transactional
  public Follow follow(Caller caller, NewFollow request, Optional<String> reviewTeam) {
    String team;
    if (request.reviewId() != null) {
      // a review of another country team is answered as one that does not exist
      team =
          reviewTeam
              .filter(caller::actsIn)
              .orElseThrow(
                  () ->
                      Problems.notFound(
                          "Review not found",
                          "No review "
                              + request.reviewId()
                              + " among your country teams' reviews."));
      if (request.countryTeam() != null && !request.countryTeam().equals(team)) {
        throw Problems.invalid("countryTeam", "is not the review's country team (" + team + ")");
      }
    } else {
      team = request.countryTeam();
      if (team == null && caller.countryTeams().size() == 1) {
        team = caller.countryTeams().iterator().next();
      }
      if (team == null) {
        throw Problems.invalid("countryTeam", "must name one country team (such as GHA)");
      }
    }
    boolean forAgency = request.agency() != null;
    if (forAgency ? !caller.speaksFor(team, request.agency()) : !caller.actsIn(team)) {
      throw Problems.forbidden(
          forAgency
              ? "Only the heads of office and focal points of "
                  + request.agency()
                  + " in "
                  + team
                  + ", its coordinators or an admin follow for it."
              : "You follow only the reviews of your own country teams.");
    }
    String type = forAgency ? AGENCY : PERSON;
    String follower = forAgency ? request.agency() : caller.username();
    jdbc.queryForList( // one follow made at a time per follower, so that the cap holds
        "SELECT pg_advisory_xact_lock(hashtext('ns_follow/' || ? || '/' || ?))", type, follower);
    // an agency's follows are counted per country team, a person's all together
    Integer existing =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_follow WHERE follower_type = ? AND follower = ? AND (? OR country_team = ?) AND NOT (country_team = ? AND review_id IS NOT DISTINCT FROM ?)",
            Integer.class,
            type,
            follower,
            !forAgency,
            team,
            team,
            request.reviewId());
    if (existing != null && existing >= MAX_PER_FOLLOWER) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "Too many follows",
          (forAgency ? follower + " in " + team : "You")
              + " already follow "
              + existing
              + " reviews or country teams, the most there may be; stop one first.");
    }
    jdbc.update(
        """
        INSERT INTO ns_follow (id, follower_type, follower, country_team, review_id, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """,
        UUID.randomUUID(),
        type,
        follower,
        team,
        request.reviewId(),
        caller.username(),
        Timestamp.from(clock.instant()));
    return jdbc.query(
            "SELECT * FROM ns_follow WHERE follower_type = ? AND follower = ? AND country_team = ? AND review_id IS NOT DISTINCT FROM ?",
            Follows::row,
            type,
            follower,
            team,
            request.reviewId())
        .get(0);
  }

  /** The caller's own follows and those of their agency in their own country teams. */
  @Transactional(readOnly = true)
  public List<Follow> of(Caller caller) {
    return jdbc.query(
        """
        SELECT * FROM ns_follow WHERE (follower_type = 'person' AND follower = ?)
            OR (follower_type = 'agency' AND follower = ? AND country_team = ANY (?::text[]))
        ORDER BY created_at, id
        """,
        Follows::row,
        caller.username(),
        caller.agency(),
        caller.countryTeams().toArray(String[]::new));
  }

  /** Stops a follow the caller made or speaks for; false if there is no such one for them. */
  @Transactional
  public boolean unfollow(Caller caller, UUID id) {
    Optional<Follow> follow =
        jdbc.query("SELECT * FROM ns_follow WHERE id = ?", Follows::row, id).stream().findFirst();
    boolean theirs =
        follow
            .map(
                f ->
                    PERSON.equals(f.followerType())
                        ? f.follower().equals(caller.username())
                        : caller.speaksFor(f.countryTeam(), f.follower()))
            .orElse(false);
    if (theirs) {
      jdbc.update("DELETE FROM ns_follow WHERE id = ?", id);
    }
    return theirs;
  }

  private static Follow row(ResultSet rs, int i) throws SQLException {
    return new Follow(
        rs.getObject("id", UUID.class),
        rs.getString("follower_type"),
        rs.getString("follower"),
        rs.getString("country_team"),
        rs.getObject("review_id", UUID.class),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
