package org.uprengage.notification.taskstate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One task as this service last heard of it. */
public record TaskState(
    String taskId,
    UUID reviewId,
    String countryTeam,
    String taskKey,
    String taskName,
    List<String> candidateGroups,
    String assignee,
    String state,
    Instant dueAt,
    String milestone,
    Instant updatedAt) {

  public boolean open() {
    return TaskChange.OPEN.equals(state);
  }
}
