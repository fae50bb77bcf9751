package org.uprengage.engine.task;

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
}
