package org.uprengage.engine.incident;

import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/**
 * A job of a review's process failed its last retry and became an incident ({@code incidentType}
 * {@code failedJob}, the job in {@code jobId}): the process waits there until a platform admin
 * retries it. An incident of a {@link RetryableIncidentType} opens on a user task's execution and
 * names that task in {@code taskId} instead, no job being involved (a deadline alert that failed as
 * often, {@code deadlineAlertFailed}). Published on the reviews' topic, in the review's sequence,
 * so platform admins are told (notification-service) and the review's order holds.
 */
public record IncidentOpened(
    String incidentId,
    String incidentType,
    String processDefinitionKey,
    String activityId,
    String jobId,
    String taskId,
    String message)
    implements OutboundEvent {

  public static final String TYPE = "org.uprengage.review.incident-opened.v1";

  /** The longest message carried: the first lines of an exception's text say what failed. */
  static final int MAX_MESSAGE = 500;

  public IncidentOpened {
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE - 1) + "…";
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public EventTopic topic() {
    return EventTopic.REVIEWS;
  }
}
