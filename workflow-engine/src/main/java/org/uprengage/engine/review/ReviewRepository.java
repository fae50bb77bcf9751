package org.uprengage.engine.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
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

  Optional<Review> find(String country, int session) {
    return jdbc
        .query(
            "SELECT * FROM upr_review WHERE country = ? AND session_number = ?",
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
    return jdbc.query("SELECT * FROM upr_review WHERE id = ?", ReviewRepository::row, id).stream()
        .findFirst();
  }

  List<Review> inSession(int session) {
    return jdbc.query(
        "SELECT * FROM upr_review WHERE session_number = ? ORDER BY started_at",
        ReviewRepository::row,
        session);
  }

  /** Review ids by process instance id, for the instances given. */
  Map<String, Review> byProcessInstance(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    List<Review> rows =
        named.query(
            "SELECT * FROM upr_review WHERE process_instance_id IN (:ids)",
            Map.of("ids", processInstanceIds),
            (rs, i) -> row(rs, i));
    return rows.stream().collect(Collectors.toMap(Review::processInstanceId, r -> r));
  }

  /** A review as the table has it: whether its process still runs is the engine's to say. */
  private static Review row(ResultSet rs, int i) throws SQLException {
    return new Review(
        rs.getObject("id", UUID.class),
        rs.getString("country"),
        rs.getInt("session_number"),
        rs.getString("process_instance_id"),
        rs.getString("started_by"),
        rs.getTimestamp("started_at").toInstant(),
        null,
        rs.getObject("previous_review_id", UUID.class),
        rs.getObject("next_review_id", UUID.class));
  }
}
