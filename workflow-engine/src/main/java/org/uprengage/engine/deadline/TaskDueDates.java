package org.uprengage.engine.deadline;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskChange;
import org.uprengage.engine.task.TaskView;
import org.uprengage.engine.task.TaskWork;

/** One task's own due date, set by a coordinator, with its watch and a "deadline changed". */
@Service
public class TaskDueDates {

  private final TaskWork work;
  private final DeadlinePlanner planner;

  TaskDueDates(TaskWork work, DeadlinePlanner planner) {
    this.work = work;
    this.planner = planner;
  }

  /**
   * Sets the task's due date: the end of the day {@code on}, or the time {@code at} (exactly one of
   * them).
   */
  @Transactional
  public TaskView set(
      Caller caller, String taskId, LocalDate on, Instant at, Integer expectedVersion) {
    if (on != null && at != null) {
      throw new InvalidInput("at", "give either on (a day) or at (a time), not both");
    }
    if (expectedVersion != null) {
      work.expectVersion(caller, taskId, expectedVersion);
    }
    TaskChange change = work.change(caller, taskId);
    if (!Review.ACTIVE.equals(change.review().state())) {
      throw new Conflict("The review has ended; its tasks' dates no longer move.");
    }
    if (at != null) {
      planner.setTaskDueAt(caller, change.task(), change.review(), at);
    } else {
      planner.setTaskDue(caller, change.task(), change.review(), on);
    }
    return work.get(caller, taskId);
  }
}
