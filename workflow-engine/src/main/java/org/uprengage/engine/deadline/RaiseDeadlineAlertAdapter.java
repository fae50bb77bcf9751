package org.uprengage.engine.deadline;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;

/**
 * The service task of the watches that are processes: the draft watch of the first model version (a
 * timer inside its drafting subprocess), so reviews started on it run on, and a {@code
 * upr-deadline-watch} instance started before watches moved to {@link DeadlineWatches}, should its
 * timer fire before {@link DeadlineWatchMigration} has moved it. Raises the alert ({@link
 * DeadlineAlerts}) and tells the process which it was ({@code deadlineMissed}).
 */
@Component("raiseDeadlineAlertAdapter")
class RaiseDeadlineAlertAdapter implements JavaDelegate {

  private final DeadlineAlerts alerts;
  private final DeadlinePlanner planner;

  RaiseDeadlineAlertAdapter(DeadlineAlerts alerts, DeadlinePlanner planner) {
    this.alerts = alerts;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String milestone = (String) execution.getVariable(DeadlineWatchProcess.VAR_MILESTONE);
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    boolean legacy = execution.getVariable(DeadlineWatchProcess.VAR_TASK_ID) == null;
    Task task = legacy ? legacyDraft(execution, tasks) : watched(execution, tasks);
    String taskId =
        task != null
            ? task.getId()
            : (String) execution.getVariable(DeadlineWatchProcess.VAR_TASK_ID);
    Date due =
        legacy
            ? planner.dueOf(execution, milestone)
            : (Date) execution.getVariable(DeadlineWatchProcess.VAR_DUE_DATE);
    boolean missed =
        alerts.raise(tasks, reviewId, milestone, taskId, task, due, execution.getTenantId());
    if (legacy) {
      execution.setVariableLocal(ReviewProcess.VAR_DEADLINE_MISSED, missed);
    } else {
      execution.setVariable(ReviewProcess.VAR_DEADLINE_MISSED, missed);
    }
  }

  private static Task watched(DelegateExecution execution, TaskService tasks) {
    String taskId = (String) execution.getVariable(DeadlineWatchProcess.VAR_TASK_ID);
    return tasks.createTaskQuery().taskId(taskId).singleResult();
  }

  /**
   * The draft watched by a watch of the first model version: the task of the agency whose drafting
   * subprocess the watch runs in (its {@code milestone} is an input of the watch's service task).
   */
  private static Task legacyDraft(DelegateExecution execution, TaskService tasks) {
    Object agency = execution.getVariable(ReviewProcess.VAR_AGENCY);
    return tasks
        .createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ReviewProcess.TASK_DRAFT_AGENCY_SECTION)
        .list()
        .stream()
        .filter(
            t ->
                agency != null
                    && agency.equals(tasks.getVariable(t.getId(), ReviewProcess.VAR_AGENCY)))
        .findFirst()
        .orElse(null);
  }
}
