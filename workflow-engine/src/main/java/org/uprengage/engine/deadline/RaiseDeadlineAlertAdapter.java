package org.uprengage.engine.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.review.ReviewProcess;

/**
 * "Remind, or escalate to the coordinator": when a deadline watch fires, raises "deadline
 * approaching" (a reminder, with the days left) for whoever holds the watched task or, once its due
 * date has passed, "deadline missed" addressed to the coordinator too, and tells the watch which it
 * was ({@code deadlineMissed}). It also serves the draft watch of the first model version, so
 * reviews started on it run on.
 *
 * <p>Alerts raised are counted, once their transaction committed, as {@code upr.deadline.alerts}
 * tagged {@code kind} approaching or missed.
 */
@Component("raiseDeadlineAlertAdapter")
class RaiseDeadlineAlertAdapter implements JavaDelegate {

  private final EventOutbox outbox;
  private final DeadlinePlanner planner;
  private final Counter approaching;
  private final Counter missedAlerts;

  RaiseDeadlineAlertAdapter(EventOutbox outbox, DeadlinePlanner planner, MeterRegistry meters) {
    this.outbox = outbox;
    this.planner = planner;
    this.approaching = alertCounter(meters, "approaching");
    this.missedAlerts = alertCounter(meters, "missed");
  }

  private static Counter alertCounter(MeterRegistry meters, String kind) {
    return Counter.builder("upr.deadline.alerts")
        .description("Deadline alerts raised (reminders and escalations)")
        .tag("kind", kind)
        .register(meters);
  }

  /** Counts the alert once the transaction that raised it committed. */
  private static void countAfterCommit(Counter counter) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      counter.increment();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            counter.increment();
          }
        });
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
    Date now = ClockUtil.getCurrentTime();
    boolean missed = !now.before(due);
    List<String> groups = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    if (task != null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      groups.sort(null);
      if (task.getAssignee() != null) {
        assignees.add(task.getAssignee());
      }
    }
    DeadlineAlert alert =
        new DeadlineAlert(
            milestone,
            task == null ? null : task.getName(),
            due.toInstant(),
            DeadlinePlanner.daysLeft(due, now),
            execution.getTenantId(),
            taskId == null ? List.of() : List.of(taskId),
            groups,
            assignees);
    outbox.append(
        reviewId,
        missed
            ? new DeadlineMissed(alert, List.of(ReviewProcess.GROUP_COORDINATOR))
            : new DeadlineApproaching(alert));
    countAfterCommit(missed ? missedAlerts : approaching);
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
