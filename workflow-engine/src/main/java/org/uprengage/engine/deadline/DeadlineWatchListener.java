package org.uprengage.engine.deadline;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.task.TaskCancelled;
import org.uprengage.engine.task.TaskCompleted;

/**
 * Starts a deadline watch ({@code upr-deadline-watch}) for every user task created with a due date
 * bound to a milestone, and ends it when the task is completed or cancelled, by correlating the
 * message named after the task event. Uses the engine services of the task at hand, so it needs no
 * engine bean (it is registered while the engine is built).
 */
class DeadlineWatchListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        String milestone = DeadlinePlanner.TASK_MILESTONES.get(task.getTaskDefinitionKey());
        Object reviewId = task.getVariable(ReviewProcess.VAR_REVIEW_ID);
        if (milestone != null
            && reviewId != null
            && task.getDueDate() != null
            && !watchesItself(task)) {
          DeadlineWatchProcess.start(
              runtime,
              task.getId(),
              task.getName(),
              reviewId.toString(),
              task.getTenantId(),
              milestone,
              task.getDueDate());
        }
      }
      case EVENTNAME_COMPLETE -> end(runtime, task, TaskCompleted.TYPE);
      case EVENTNAME_DELETE -> end(runtime, task, TaskCancelled.TYPE);
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

  private static void end(RuntimeService runtime, DelegateTask task, String message) {
    runtime
        .createMessageCorrelation(message)
        .processInstanceVariableEquals(DeadlineWatchProcess.VAR_TASK_ID, task.getId())
        .correlateAllWithResult();
  }
}
