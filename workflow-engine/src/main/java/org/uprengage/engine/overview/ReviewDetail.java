package org.uprengage.engine.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.uprengage.engine.session.SessionView;

/** A review with its stage, open tasks and deadlines. */
public record ReviewDetail(
    UUID id,
    String country,
    int session,
    String state,
    String stage,
    String startedBy,
    Instant startedAt,
    List<OpenTask> openTasks,
    Map<String, SessionView.Dated<LocalDate>> sessionDeadlines,
    List<MilestoneStatus> milestones) {

  /** A task waiting for someone. */
  public record OpenTask(
      String id,
      String name,
      String taskKey,
      String assignee,
      List<String> candidateGroups,
      Instant due) {}

  /**
   * A milestone and how it stands: {@code upcoming}, {@code open} (its tasks are under way), {@code
   * overdue} (its date passed with tasks still open), {@code met}, {@code missed} (done late), or
   * {@code passed} (no task is bound to it yet and its date is gone).
   */
  public record MilestoneStatus(String key, LocalDate dueOn, String basis, String status) {}
}
