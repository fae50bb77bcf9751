package org.uprengage.engine.deadline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a deadline watch tells when it fires: the milestone, the watched task (none for a watch of
 * the first model version whose draft is gone) and who works on it.
 *
 * @param daysLeft whole days until {@code dueAt}; 0 or less once it passed
 */
public record DeadlineAlert(
    String milestone,
    String taskName,
    Instant dueAt,
    long daysLeft,
    String countryTeam,
    List<String> taskIds,
    List<String> candidateGroups,
    List<String> assignees) {

  /** The watched task, or the milestone where there is none. */
  String subject(UUID reviewId) {
    return "reviews/"
        + reviewId
        + (taskIds.isEmpty() ? "/milestones/" + milestone : "/tasks/" + taskIds.get(0));
  }
}
