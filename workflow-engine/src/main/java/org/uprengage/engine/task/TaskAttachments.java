package org.uprengage.engine.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.security.Caller;

/**
 * Documents attached to tasks by link. UPR Engage keeps the link, never the file: drafts live where
 * the agencies already keep them. Whoever sees a task sees its attachments; whoever may work on it
 * adds them; the person who added one, or a coordinator, removes it.
 */
@Service
class TaskAttachments {

  private final JdbcTemplate jdbc;
  private final TaskWork work;
  private final Clock clock;

  TaskAttachments(JdbcTemplate jdbc, TaskWork work, Clock clock) {
    this.jdbc = jdbc;
    this.work = work;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<TaskAttachment> list(Caller caller, String taskId) {
    work.requireSeen(caller, taskId);
    return jdbc.query(
        "SELECT * FROM upr_task_attachment WHERE task_id = ? ORDER BY added_at, id",
        (rs, row) ->
            new TaskAttachment(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("description"),
                rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant()),
        taskId);
  }

  @Transactional
  TaskAttachment add(Caller caller, String taskId, String name, String url, String description) {
    Review review = work.change(caller, taskId).review();
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() > TaskAttachment.MAX_NAME) {
      errors.add(
          new FieldError("name", "must be at most " + TaskAttachment.MAX_NAME + " characters"));
    }
    String urlProblem = Links.problem(url);
    if (urlProblem != null) {
      errors.add(new FieldError("url", urlProblem));
    }
    if (description != null && description.length() > TaskAttachment.MAX_DESCRIPTION) {
      errors.add(
          new FieldError(
              "description", "must be at most " + TaskAttachment.MAX_DESCRIPTION + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_task_attachment WHERE task_id = ?", Integer.class, taskId);
    if (count != null && count >= TaskAttachment.MAX_PER_TASK) {
      throw new Conflict(
          "A task holds at most "
              + TaskAttachment.MAX_PER_TASK
              + " attachments; remove one you no longer need first.");
    }
    TaskAttachment attachment =
        new TaskAttachment(
            UUID.randomUUID(),
            name.strip(),
            url.strip(),
            description == null || description.isBlank() ? null : description.strip(),
            caller.username(),
            clock.instant());
    jdbc.update(
        "INSERT INTO upr_task_attachment (id, task_id, review_id, name, url, description, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        attachment.id(),
        taskId,
        review.id(),
        attachment.name(),
        attachment.url(),
        attachment.description(),
        attachment.addedBy(),
        Timestamp.from(attachment.addedAt()));
    return attachment;
  }

  @Transactional
  void remove(Caller caller, String taskId, UUID attachmentId) {
    work.change(caller, taskId);
    List<String> addedBy =
        jdbc.queryForList(
            "SELECT added_by FROM upr_task_attachment WHERE id = ? AND task_id = ?",
            String.class,
            attachmentId,
            taskId);
    if (addedBy.isEmpty()) {
      throw new NotFound("Attachment", attachmentId);
    }
    if (!addedBy.get(0).equals(caller.username())
        && !caller.hasRole(Caller.COORDINATOR)
        && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden(
          "Only " + addedBy.get(0) + ", who added it, or a coordinator removes an attachment.");
    }
    jdbc.update("DELETE FROM upr_task_attachment WHERE id = ?", attachmentId);
  }
}
