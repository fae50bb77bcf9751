package org.uprengage.engine.task;

import java.time.Instant;
import org.camunda.bpm.engine.task.Comment;

/** A comment on a task: who wrote what, when. */
record TaskComment(String id, String author, Instant time, String text) {

  /** Camunda keeps up to 4,000 characters of a comment's message. */
  static final int MAX_LENGTH = 4000;

  static TaskComment of(Comment comment) {
    return new TaskComment(
        comment.getId(),
        comment.getUserId(),
        comment.getTime().toInstant(),
        comment.getFullMessage());
  }
}
