package org.uprengage.engine.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The deadline watches of open user tasks, one row each in {@code upr_deadline_watch}: written in
 * the task's own transaction (a row when a task with a due date is created, its times again when
 * the due date moves, none once it is completed, cancelled or escalated) and served by {@link
 * DeadlineWatchPoller}. The next alert is the next reminder ({@code upr.reminders.days-before})
 * still ahead of the due date, else the due date itself, when the coordinator is told.
 */
@Service
public class DeadlineWatches {

  /** The alert a watch raises next: a reminder, or the escalation once the due date is reached. */
  public static final String APPROACHING = "approaching";

  public static final String MISSED = "missed";

  /**
   * A watch {@code w} is not tried while its alert's incident ({@link DeadlineAlertIncidents}, the
   * task's id its configuration) is open: the condition, its parameter the incident type.
   */
  private static final String NO_OPEN_INCIDENT =
      "AND NOT EXISTS (SELECT 1 FROM act_ru_incident i"
          + " WHERE i.incident_type_ = ? AND i.configuration_ = w.task_id)";

  /**
   * A watch is taken alone, not waited for: raising its alert writes the review's event, an INSERT
   * into the outbox that locks nothing (the relay numbers it), so a task command of that review,
   * which deletes or moves the watch, and the poller never hold what the other waits for. (When the
   * command numbered its event on the review's row, the poller had to take that row too.)
   */
  private static final String WATCH_ONLY = " FOR UPDATE OF w SKIP LOCKED";

  private final JdbcTemplate jdbc;
  private final ReminderSchedule reminders;

  DeadlineWatches(JdbcTemplate jdbc, ReminderSchedule reminders) {
    this.jdbc = jdbc;
    this.reminders = reminders;
  }

  /** One task's watch: when it raises its next alert, and which. */
  public record Watch(
      String taskId,
      String taskName,
      UUID reviewId,
      String countryTeam,
      String milestone,
      Instant dueAt,
      Instant nextAlertAt,
      String nextAlertKind,
      int failures) {}

  /** A watched task: which, its review and country team, and the milestone it is due at. */
  public record WatchedTask(
      String taskId, String taskName, UUID reviewId, String countryTeam, String milestone) {}

  /**
   * Watches a task due at a milestone of a review, or moves its watch to a new due date: the next
   * alert is computed from now, so a reminder already sent is not sent again and none still ahead
   * is skipped; a task whose watch had escalated is watched again.
   */
  public void watch(WatchedTask task, Date due) {
    write(
        task,
        due,
        nextAlert(due),
        """
        ON CONFLICT (task_id) DO UPDATE SET due_at = EXCLUDED.due_at,
            next_alert_at = EXCLUDED.next_alert_at, next_alert_kind = EXCLUDED.next_alert_kind,
            failures = 0
        """);
  }

  /**
   * Takes over the watch of a task from a {@code upr-deadline-watch} process, its next alert where
   * the process's timer was; a task already watched here keeps its watch.
   */
  void adopt(WatchedTask task, Date due, Date next) {
    write(task, due, next, "ON CONFLICT (task_id) DO NOTHING");
  }

  private void write(WatchedTask task, Date due, Date next, String onConflict) {
    jdbc.update(
        """
        INSERT INTO upr_deadline_watch (task_id, task_name, review_id, country_team, milestone,
            due_at, next_alert_at, next_alert_kind)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
            + onConflict,
        task.taskId(),
        task.taskName(),
        task.reviewId(),
        task.countryTeam(),
        task.milestone(),
        new Timestamp(due.getTime()),
        new Timestamp(next.getTime()),
        kindAt(next, due));
  }

  /** Stops watching a task (completed, cancelled): nothing is raised for it any more. */
  public void unwatch(String taskId) {
    jdbc.update("DELETE FROM upr_deadline_watch WHERE task_id = ?", taskId);
  }

  /** The watch of a task, if it is watched. */
  public Optional<Watch> of(String taskId) {
    return jdbc
        .query("SELECT * FROM upr_deadline_watch WHERE task_id = ?", DeadlineWatches::watch, taskId)
        .stream()
        .findFirst();
  }

  /** The watches of a review's tasks, the next to alert first. */
  public List<Watch> ofReview(UUID reviewId) {
    return jdbc.query(
        "SELECT * FROM upr_deadline_watch WHERE review_id = ? ORDER BY next_alert_at, task_id",
        DeadlineWatches::watch,
        reviewId);
  }

  /**
   * Takes the watch whose alert is due first at {@code now}, locked for this transaction; a watch
   * another node holds is skipped, so each alert is raised by one node.
   */
  Optional<Watch> takeDue(Instant now) {
    return jdbc
        .query(
            "SELECT w.* FROM upr_deadline_watch w"
                + " WHERE w.next_alert_at <= ? "
                + NO_OPEN_INCIDENT
                + " ORDER BY w.next_alert_at LIMIT 1"
                + WATCH_ONLY,
            DeadlineWatches::watch,
            Timestamp.from(now),
            DeadlineAlertIncidents.TYPE)
        .stream()
        .findFirst();
  }

  /**
   * Takes one task's watch if its alert is due at {@code now} and no other node holds it, locked
   * for this transaction.
   */
  Optional<Watch> takeDue(String taskId, Instant now) {
    return jdbc
        .query(
            "SELECT w.* FROM upr_deadline_watch w"
                + " WHERE w.task_id = ? AND w.next_alert_at <= ? "
                + NO_OPEN_INCIDENT
                + WATCH_ONLY,
            DeadlineWatches::watch,
            taskId,
            Timestamp.from(now),
            DeadlineAlertIncidents.TYPE)
        .stream()
        .findFirst();
  }

  /** After an alert was raised: the next one, or none once the task was escalated. */
  void alerted(Watch watch, boolean escalated) {
    if (escalated) {
      unwatch(watch.taskId());
      return;
    }
    Date due = Date.from(watch.dueAt());
    Date next = nextAlert(due);
    jdbc.update(
        "UPDATE upr_deadline_watch SET next_alert_at = ?, next_alert_kind = ?, failures = 0"
            + " WHERE task_id = ?",
        new Timestamp(next.getTime()),
        kindAt(next, due),
        watch.taskId());
  }

  /**
   * After an alert failed: tried again at {@code retryAt}; returns how often it has failed in a row
   * now (none if the watch is gone), the row locked for this transaction.
   */
  int failed(String taskId, Instant retryAt) {
    return jdbc
        .queryForList(
            "UPDATE upr_deadline_watch SET next_alert_at = ?, failures = failures + 1"
                + " WHERE task_id = ? RETURNING failures",
            Integer.class,
            Timestamp.from(retryAt),
            taskId)
        .stream()
        .findFirst()
        .orElse(0);
  }

  /** After its incident was retried: the watch's next alert is due now, its failures forgotten. */
  void retryNow(String taskId) {
    jdbc.update(
        "UPDATE upr_deadline_watch SET next_alert_at = ?, failures = 0 WHERE task_id = ?",
        new Timestamp(ClockUtil.getCurrentTime().getTime()),
        taskId);
  }

  /** The next reminder still ahead of {@code due}, else {@code due} itself. */
  Date nextAlert(Date due) {
    Date now = ClockUtil.getCurrentTime();
    return reminders.daysBefore().stream()
        .map(days -> new Date(due.getTime() - days * 86_400_000L))
        .filter(reminder -> reminder.after(now))
        .min(Date::compareTo)
        .orElse(due);
  }

  private static String kindAt(Date next, Date due) {
    return next.before(due) ? APPROACHING : MISSED;
  }

  private static Watch watch(ResultSet rs, int row) throws SQLException {
    return new Watch(
        rs.getString("task_id"),
        rs.getString("task_name"),
        rs.getObject("review_id", UUID.class),
        rs.getString("country_team"),
        rs.getString("milestone"),
        rs.getTimestamp("due_at").toInstant(),
        rs.getTimestamp("next_alert_at").toInstant(),
        rs.getString("next_alert_kind"),
        rs.getInt("failures"));
  }
}
