package org.uprengage.notification.taskstate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a task event says of its task: its state after the event, holder, groups and due time, with
 * the review's sequence number (null where the event has none).
 */
public record TaskChange(
    String taskId,
    UUID reviewId,
    Long sequence,
    String countryTeam,
    String taskKey,
    String taskName,
    List<String> candidateGroups,
    String assignee,
    String state,
    Instant dueAt) {

  public static final String OPEN = "open";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";
}
