package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The data of a task event ({@code org.uprengage.task.*.v1}), as this service reads it: only the
 * fields it uses, and it tolerates fields it does not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEvent(
    UUID reviewId,
    Long sequence,
    String taskId,
    String taskKey,
    String taskName,
    String countryTeam,
    List<String> candidateGroups,
    String assignee,
    String dueDate,
    String actor) {

  public static final String TYPE_PREFIX = "org.uprengage.task.";
  public static final String CREATED = "org.uprengage.task.created.v1";
  public static final String ASSIGNED = "org.uprengage.task.assigned.v1";
  public static final String UNCLAIMED = "org.uprengage.task.unclaimed.v1";
  public static final String COMPLETED = "org.uprengage.task.completed.v1";
  public static final String CANCELLED = "org.uprengage.task.cancelled.v1";

  /** The tasks where someone approves (clears or signs off) a submission. */
  static final Set<String> APPROVALS =
      Set.of("UserTask_ClearSubmission", "UserTask_SignOffSubmission");

  void requireComplete() {
    if (reviewId == null || taskId == null || taskName == null || countryTeam == null) {
      throw new PoisonEventException(
          "a task event needs reviewId, taskId, taskName and countryTeam");
    }
  }

  boolean approval() {
    return taskKey != null && APPROVALS.contains(taskKey);
  }

  List<String> groups() {
    return candidateGroups == null ? List.of() : candidateGroups;
  }
}
