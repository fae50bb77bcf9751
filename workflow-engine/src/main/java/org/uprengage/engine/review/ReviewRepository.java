package org.uprengage.engine.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review table. */
@Repository
class ReviewRepository {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ReviewRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /**
   * Records a review unless the State already has one in that session, also one another transaction
   * is recording right now (then this waits for it to end).
   *
   * @return false if the State has a review in that session
   */
  boolean insert(
      UUID id, String country, int session, String startedBy, Instant startedAt, UUID previous) {
    return jdbc.update(
            "INSERT INTO upr_review (id, country, session_number, started_by, started_at, previous_review_id) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT ON CONSTRAINT upr_review_once_per_session DO NOTHING",
            id,
            country,
            session,
            startedBy,
            Timestamp.from(startedAt),
            previous)
        == 1;
  }

  /** Records that {@code id} handed over to {@code next}. */
  void link(UUID id, UUID next) {
    jdbc.update("UPDATE upr_review SET next_review_id = ? WHERE id = ?", next, id);
    jdbc.update(
        "UPDATE upr_review SET previous_review_id = ? WHERE id = ? AND previous_review_id IS NULL",
        id,
        next);
  }

  /**
   * The review's columns and its state: active while its {@code upr-review} process instance runs
   * (an execution whose id is the instance's), read in the same statement.
   */
  private static final String REVIEW =
      "SELECT r.*, EXISTS (SELECT 1 FROM act_ru_execution p WHERE p.id_ = r.process_instance_id)"
          + " AS active FROM upr_review r";

  /** A review id as a process instance's business key carries it, else no review. */
  private static final String REVIEW_ID_OF_KEY =
      "CASE WHEN e.business_key_ ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
          + " THEN CAST(e.business_key_ AS uuid) END";

  Optional<Review> find(String country, int session) {
    return jdbc
        .query(
            REVIEW + " WHERE r.country = ? AND r.session_number = ?",
            ReviewRepository::row,
            country,
            session)
        .stream()
        .findFirst();
  }

  /** Moves a review to another WG session. */
  void moveToSession(UUID id, int session) {
    jdbc.update("UPDATE upr_review SET session_number = ? WHERE id = ?", session, id);
  }

  void attachProcess(UUID id, String processInstanceId) {
    jdbc.update(
        "UPDATE upr_review SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  boolean exists(String country, int session) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_review WHERE country = ? AND session_number = ?",
            Integer.class,
            country,
            session);
    return count != null && count > 0;
  }

  Optional<Review> find(UUID id) {
    return jdbc.query(REVIEW + " WHERE r.id = ?", ReviewRepository::row, id).stream().findFirst();
  }

  List<Review> inSession(int session) {
    return jdbc.query(
        REVIEW + " WHERE r.session_number = ? ORDER BY r.started_at",
        ReviewRepository::row,
        session);
  }

  /**
   * One page of the reviews of the country teams given, the latest started first, of every state or
   * only those in {@code state} ({@link Review#ACTIVE} or {@link Review#COMPLETED}).
   */
  List<Review> ofTeams(Collection<String> teams, String state, long offset, int limit) {
    if (teams.isEmpty()) {
      return List.of();
    }
    return named.query(
        REVIEW
            + " WHERE "
            + teamsAndState(state)
            + " ORDER BY r.started_at DESC, r.id DESC LIMIT :limit OFFSET :offset",
        new MapSqlParameterSource("teams", teams)
            .addValue("limit", limit)
            .addValue("offset", offset),
        ReviewRepository::row);
  }

  /** How many reviews {@link #ofTeams} has in all. */
  long countOfTeams(Collection<String> teams, String state) {
    if (teams.isEmpty()) {
      return 0;
    }
    Long count =
        named.queryForObject(
            "SELECT count(*) FROM upr_review r WHERE " + teamsAndState(state),
            new MapSqlParameterSource("teams", teams),
            Long.class);
    return count == null ? 0 : count;
  }

  /** The teams' reviews, in {@code state} where one is given (null: every state). */
  private static String teamsAndState(String state) {
    String running =
        "EXISTS (SELECT 1 FROM act_ru_execution p WHERE p.id_ = r.process_instance_id)";
    if (Review.ACTIVE.equals(state)) {
      return "r.country IN (:teams) AND " + running;
    }
    if (Review.COMPLETED.equals(state)) {
      return "r.country IN (:teams) AND NOT " + running;
    }
    return "r.country IN (:teams)";
  }

  /**
   * Reviews by the id of a process instance that carries them, for the instances given, in one
   * statement: the instance's business key is its review's id, the review's own {@code upr-review}
   * instance's as its stages'.
   */
  Map<String, Review> byProcessInstance(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Review> found = new HashMap<>();
    named.query(
        "SELECT e.id_ AS instance_id, r.*, EXISTS (SELECT 1 FROM act_ru_execution p"
            + " WHERE p.id_ = r.process_instance_id) AS active"
            + " FROM act_ru_execution e JOIN upr_review r ON r.id = "
            + REVIEW_ID_OF_KEY
            + " WHERE e.id_ IN (:ids)",
        Map.of("ids", processInstanceIds),
        rs -> {
          found.put(rs.getString("instance_id"), row(rs, 0));
        });
    return found;
  }

  /** A review as the table has it, active while its process runs. */
  private static Review row(ResultSet rs, int i) throws SQLException {
    return new Review(
        rs.getObject("id", UUID.class),
        rs.getString("country"),
        rs.getInt("session_number"),
        rs.getString("process_instance_id"),
        rs.getString("started_by"),
        rs.getTimestamp("started_at").toInstant(),
        rs.getBoolean("active") ? Review.ACTIVE : Review.COMPLETED,
        rs.getObject("previous_review_id", UUID.class),
        rs.getObject("next_review_id", UUID.class));
  }
}
