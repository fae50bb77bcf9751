package org.uprengage.engine.task;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the API's changes of one task in a row: each change takes a PostgreSQL advisory lock on the
 * task's id, held until its transaction ends, before it reads the task. The second of two changes
 * sent at once then reads what the first left and answers from that (409 with the task as it is
 * now, or what became of it), instead of both deciding on one old reading and the engine failing
 * the loser midway (a task gone, a stale revision). The engine's own jobs do not take it; the
 * engine's optimistic locking still covers those.
 */
@Component
class TaskLocks {

  /** The advisory lock class of task changes ("UPRT" read as a number), beside the task's hash. */
  static final int TASK_LOCK_CLASS = 0x55505254;

  private final JdbcTemplate jdbc;

  TaskLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits until no other transaction changes the task, and keeps it until this one ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  void lock(String taskId) {
    jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, TASK_LOCK_CLASS, taskId);
  }

  /**
   * {@link #lock}, and in the same statement the review of the task (its process instance's
   * business key is the review's id): for a change whose answer names the review's WG session, one
   * statement instead of two. The review is read as it was when the statement began, before the
   * wait: its id never changes for a task, and its session is not under the task's lock anyway (a
   * move of the review to another session may commit before or after this change, as ever). The
   * task itself is read after the lock, as by {@link #lock}; empty if the task was not there when
   * the statement began, or belongs to no review.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<TaskReview> lockReadingReview(String taskId) {
    return jdbc
        .query(
            "SELECT r.id, r.session_number FROM (SELECT pg_advisory_xact_lock(?, hashtext(?))) l"
                + " LEFT JOIN (act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
                + " JOIN upr_review r ON r.id = CASE WHEN e.business_key_ ~"
                + " '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
                + " THEN CAST(e.business_key_ AS uuid) END) ON t.id_ = ?",
            (rs, i) -> {
              UUID id = rs.getObject("id", UUID.class);
              return id == null ? null : new TaskReview(id, rs.getInt("session_number"));
            },
            TASK_LOCK_CLASS,
            taskId,
            taskId)
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** What a task's answer names of its review: the review's id and its WG session. */
  record TaskReview(UUID id, int session) {}
}
