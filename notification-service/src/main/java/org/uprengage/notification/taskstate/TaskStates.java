package org.uprengage.notification.taskstate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of each task, kept from the events consumed: open or done, who holds it, when it is
 * due. Answers whether a reminder still concerns someone, and lists upcoming deadlines.
 */
@Service
public class TaskStates {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaskStates(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the task event as handled (its row in {@code ns_processed_event}, as every handler
   * does) and what it says of the task, unless a later event of the review already did, in one
   * statement; changes nothing if the event was handled before. The same statement also reads
   * {@code alsoRead} (whatever the event is, new or not), as of the statement's start: what the
   * handler would otherwise ask for in statements of their own.
   *
   * @return whether the event is new (false for a redelivery), and what was read along
   */
  @Transactional
  public Changed changedOnce(
      String eventSource,
      String eventId,
      String eventType,
      TaskChange change,
      List<AlsoRead> alsoRead) {
    long sequence = change.sequence() == null ? 0 : change.sequence();
    Timestamp due = change.dueAt() == null ? null : Timestamp.from(change.dueAt());
    Timestamp now = Timestamp.from(clock.instant());
    StringBuilder columns = new StringBuilder();
    List<Object> arguments = new ArrayList<>();
    for (AlsoRead read : alsoRead) {
      columns.append(", ").append(read.expression());
      arguments.addAll(read.arguments());
    }
    Object[] own = {
      eventSource,
      eventId,
      eventType,
      now,
      change.taskId(),
      change.reviewId(),
      change.countryTeam(),
      change.taskKey(),
      change.taskName(),
      change.candidateGroups().toArray(String[]::new),
      change.assignee(),
      change.state(),
      sequence,
      due,
      due == null ? 0 : sequence,
      now
    };
    arguments.addAll(0, Arrays.asList(own));
    return jdbc.queryForObject(
        """
            WITH first AS (
                INSERT INTO ns_processed_event (source, id, type, processed_at)
                VALUES (?, ?, ?, ?::timestamptz) ON CONFLICT DO NOTHING RETURNING 1),
            task AS (
                INSERT INTO ns_task (task_id, review_id, country_team, task_key, task_name, candidate_groups, assignee,
                                     state, state_sequence, due_at, due_sequence, updated_at)
                SELECT ?::text, ?::uuid, ?::text, ?::text, ?::text, ?::text[], ?::text,
                       ?::text, ?::bigint, ?::timestamptz, ?::bigint, ?::timestamptz
                FROM first
                ON CONFLICT (task_id) DO UPDATE SET
                    task_name = EXCLUDED.task_name, candidate_groups = EXCLUDED.candidate_groups,
                    assignee = EXCLUDED.assignee, state = EXCLUDED.state, state_sequence = EXCLUDED.state_sequence,
                    due_at = CASE WHEN EXCLUDED.due_sequence >= ns_task.due_sequence AND EXCLUDED.due_at IS NOT NULL
                                  THEN EXCLUDED.due_at ELSE ns_task.due_at END,
                    due_sequence = GREATEST(ns_task.due_sequence, CASE WHEN EXCLUDED.due_at IS NULL THEN 0 ELSE EXCLUDED.due_sequence END),
                    updated_at = EXCLUDED.updated_at
                WHERE EXCLUDED.state_sequence >= ns_task.state_sequence
                RETURNING 1)
            SELECT count(*) > 0%s FROM first
            """
            .formatted(columns),
        (rs, i) -> {
          List<Object> read = new ArrayList<>();
          for (int column = 2; column <= alsoRead.size() + 1; column++) {
            Object value = rs.getObject(column);
            read.add(value instanceof Array array ? List.of((Object[]) array.getArray()) : value);
          }
          return new Changed(rs.getBoolean(1), Collections.unmodifiableList(read));
        },
        arguments.toArray());
  }

  /**
   * A scalar SQL expression (a subquery, say) for {@link #changedOnce} to read along, with its
   * arguments ({@code ?}) in order.
   */
  public record AlsoRead(String expression, List<Object> arguments) {}

  /**
   * What {@link #changedOnce} answers: whether the event is new, and the values of its {@link
   * AlsoRead}s in their order (an SQL array as a list; SQL null as null).
   */
  public record Changed(boolean first, List<Object> alsoRead) {}

  /** A deadline moved: its tasks are due at {@code dueAt}, unless a later event said otherwise. */
  @Transactional
  public void dueMoved(Collection<String> taskIds, Long sequence, Instant dueAt, String milestone) {
    long at = sequence == null ? 0 : sequence;
    for (String taskId : taskIds) {
      jdbc.update(
          "UPDATE ns_task SET due_at = ?, milestone = ?, due_sequence = ?, updated_at = ? WHERE task_id = ? AND due_sequence <= ?",
          Timestamp.from(dueAt),
          milestone,
          at,
          Timestamp.from(clock.instant()),
          taskId,
          at);
    }
  }

  /** Records which milestone watches the tasks, as deadline alerts tell. */
  @Transactional
  public void watchedBy(Collection<String> taskIds, String milestone) {
    for (String taskId : taskIds) {
      jdbc.update(
          "UPDATE ns_task SET milestone = ? WHERE task_id = ? AND milestone IS NULL",
          milestone,
          taskId);
    }
  }

  /**
   * Whether a reminder about {@code taskIds} still concerns {@code username}: some task is still
   * open and, where {@code mustHold}, held by them or by nobody. Tasks never heard of count as open
   * (nothing says otherwise).
   */
  @Transactional(readOnly = true)
  public boolean stillConcerns(Collection<String> taskIds, String username, boolean mustHold) {
    if (taskIds.isEmpty()) {
      return true;
    }
    List<TaskState> known = find(taskIds);
    if (known.size() < taskIds.size()) {
      return true;
    }
    return known.stream()
        .anyMatch(
            task ->
                task.open()
                    && (!mustHold || task.assignee() == null || task.assignee().equals(username)));
  }

  public List<TaskState> find(Collection<String> taskIds) {
    return jdbc.query(
        "SELECT * FROM ns_task WHERE task_id = ANY (?::text[])",
        TaskStates::row,
        (Object) taskIds.toArray(String[]::new));
  }

  /**
   * Open tasks with a due time from {@code from} on, held by {@code username} or offered to one of
   * {@code groups} in {@code countryTeams} while nobody holds them.
   */
  @Transactional(readOnly = true)
  public List<TaskState> upcomingFor(
      String username, Collection<String> groups, Collection<String> countryTeams, Instant from) {
    return jdbc.query(
        """
        SELECT * FROM ns_task WHERE state = 'open' AND due_at >= ?
          AND (assignee = ? OR (assignee IS NULL AND country_team = ANY (?::text[]) AND candidate_groups && ?::text[]))
        ORDER BY due_at, task_id
        """,
        TaskStates::row,
        Timestamp.from(from),
        username,
        countryTeams.toArray(String[]::new),
        groups.toArray(String[]::new));
  }

  /** Open tasks with a due time from {@code from} on, of an agency in a country team. */
  @Transactional(readOnly = true)
  public List<TaskState> upcomingForAgency(String countryTeam, String agency, Instant from) {
    return jdbc.query(
        """
        SELECT * FROM ns_task WHERE state = 'open' AND due_at >= ? AND country_team = ?
          AND EXISTS (SELECT 1 FROM unnest(candidate_groups) AS g(name) WHERE g.name = ? OR g.name LIKE ?)
        ORDER BY due_at, task_id
        """,
        TaskStates::row,
        Timestamp.from(from),
        countryTeam,
        agency,
        "%:" + agency);
  }

  private static TaskState row(ResultSet rs, int i) throws SQLException {
    Array groups = rs.getArray("candidate_groups");
    Timestamp due = rs.getTimestamp("due_at");
    return new TaskState(
        rs.getString("task_id"),
        rs.getObject("review_id", UUID.class),
        rs.getString("country_team"),
        rs.getString("task_key"),
        rs.getString("task_name"),
        groups == null ? List.of() : List.of((String[]) groups.getArray()),
        rs.getString("assignee"),
        rs.getString("state"),
        due == null ? null : due.toInstant(),
        rs.getString("milestone"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
