package org.uprengage.engine.deadline;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Watches every user task created with a due date bound to a milestone ({@link DeadlineWatches}),
 * and stops when the task is completed or cancelled, in the task's own transaction: a row written
 * or deleted, no process of its own.
 */
class DeadlineWatchListener implements TaskListener {

  private final DeadlineWatches watches;

  DeadlineWatchListener(DeadlineWatches watches) {
    this.watches = watches;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        String milestone = DeadlinePlanner.TASK_MILESTONES.get(task.getTaskDefinitionKey());
        Object reviewId = task.getVariable(ReviewProcess.VAR_REVIEW_ID);
        if (milestone != null
            && reviewId != null
            && task.getDueDate() != null
            && !watchesItself(task)) {
          watches.watch(
              new DeadlineWatches.WatchedTask(
                  task.getId(),
                  task.getName(),
                  UUID.fromString(reviewId.toString()),
                  task.getTenantId(),
                  milestone),
              task.getDueDate());
        }
      }
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> {
        // whatever its due date is now: one cleared by hand (Cockpit) leaves no watch behind
        if (!watchesItself(task)) {
          watches.unwatch(task.getId());
        }
      }
      default -> {}
    }
  }

  /**
   * Whether the task comes from the first model version, whose drafts carry their own watch: the
   * current {@code upr-review} has no user task of its own (its stages have them).
   */
  private static boolean watchesItself(DelegateTask task) {
    return task.getProcessDefinitionId().startsWith(ReviewProcess.PROCESS_KEY + ":");
  }
}
