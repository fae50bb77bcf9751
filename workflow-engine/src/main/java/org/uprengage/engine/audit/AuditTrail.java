package org.uprengage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records and reads the audit trail. */
@Service
public class AuditTrail {

  static final String REVIEW_ATTRIBUTE = AuditTrail.class.getName() + ".review";
  static final String TASK_ATTRIBUTE = AuditTrail.class.getName() + ".task";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Tells the audit which review and task the current request is about. */
  public static void concerns(UUID reviewId, String taskId) {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      if (reviewId != null) {
        request.setAttribute(REVIEW_ATTRIBUTE, reviewId);
      }
      if (taskId != null) {
        request.setAttribute(TASK_ATTRIBUTE, taskId);
      }
    }
  }

  void record(
      String actor,
      String action,
      int outcome,
      UUID reviewId,
      String taskId,
      String remoteAddress) {
    jdbc.update(
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
  public java.util.Optional<UUID> reviewOfTask(String taskId) {
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
