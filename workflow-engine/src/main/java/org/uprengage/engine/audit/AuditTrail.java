package org.uprengage.engine.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * The audit trail: the domain tells it what a change concerns; it records and reads the rows. The
 * rows themselves are written by {@link AuditedChanges} (a change, in its transaction) and the web
 * layer (an attempt that failed).
 */
@Service
public class AuditTrail {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectProvider<AuditedRequest> requests;
  private final EventOutbox outbox;

  AuditTrail(
      JdbcTemplate jdbc, Clock clock, ObjectProvider<AuditedRequest> requests, EventOutbox outbox) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.requests = requests;
    this.outbox = outbox;
  }

  /**
   * Tells the audit which review and task the request under way concerns; outside an API request (a
   * job, a test calling the domain) there is nothing to tell and nothing is recorded.
   */
  public void concerns(UUID reviewId, String taskId) {
    AuditedRequest request = requests.getIfAvailable();
    if (request != null) {
      request.concerns(reviewId, taskId);
    }
  }

  /**
   * Writes a row of the trail, in the same statement as the events its change appended ({@link
   * EventOutbox#writeWith}).
   */
  void record(
      String actor,
      String action,
      int outcome,
      UUID reviewId,
      String taskId,
      String remoteAddress) {
    outbox.writeWith(
        "INSERT INTO upr_audit (at, actor, action, outcome, review_id, task_id, remote_address) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()),
        actor,
        action,
        outcome,
        reviewId,
        taskId,
        remoteAddress);
  }

  /** The review's trail, oldest first (the caller must be allowed to see the review). */
  public List<AuditEntry> ofReview(UUID reviewId) {
    return jdbc.query(
        "SELECT * FROM upr_audit WHERE review_id = ? ORDER BY id", AuditTrail::row, reviewId);
  }

  /** The task's trail, oldest first (the caller must be allowed to see the task's review). */
  public List<AuditEntry> ofTask(String taskId) {
    return jdbc.query(
        "SELECT * FROM upr_audit WHERE task_id = ? ORDER BY id", AuditTrail::row, taskId);
  }

  /** The review a task's trail belongs to, if the trail knows it. */
  public Optional<UUID> reviewOfTask(String taskId) {
    return jdbc
        .query(
            "SELECT review_id FROM upr_audit WHERE task_id = ? AND review_id IS NOT NULL LIMIT 1",
            (rs, i) -> rs.getObject(1, UUID.class),
            taskId)
        .stream()
        .findFirst();
  }

  private static AuditEntry row(ResultSet rs, int i) throws SQLException {
    return new AuditEntry(
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getInt("outcome"),
        rs.getObject("review_id", UUID.class),
        rs.getString("task_id"),
        rs.getString("remote_address"));
  }
}
