package org.uprengage.engine.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
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
 * "Remind, or escalate to the coordinator": raises "deadline approaching" (a reminder, with the
 * days left) for whoever holds a watched task or, once its due date has passed, "deadline missed"
 * addressed to the coordinator too, through the outbox in the caller's transaction.
 *
 * <p>Alerts raised are counted, once their transaction committed, as {@code upr.deadline.alerts}
 * tagged {@code kind} approaching or missed.
 */
@Component
class DeadlineAlerts {

  private final EventOutbox outbox;
  private final Counter approaching;
  private final Counter missedAlerts;

  DeadlineAlerts(EventOutbox outbox, MeterRegistry meters) {
    this.outbox = outbox;
    this.approaching = alertCounter(meters, DeadlineWatches.APPROACHING);
    this.missedAlerts = alertCounter(meters, DeadlineWatches.MISSED);
  }

  private static Counter alertCounter(MeterRegistry meters, String kind) {
    return Counter.builder("upr.deadline.alerts")
        .description("Deadline alerts raised (reminders and escalations)")
        .tag("kind", kind)
        .register(meters);
  }

  /**
   * Raises the alert for a task due at {@code due} (the task itself, where it still exists, tells
   * its name and who works on it); returns whether it was the escalation (the due date reached).
   */
  boolean raise(
      TaskService tasks,
      UUID reviewId,
      String milestone,
      String taskId,
      Task task,
      Date due,
      String countryTeam) {
    Date now = ClockUtil.getCurrentTime();
    boolean missed = !now.before(due);
    List<String> groups = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    if (task != null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
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
            countryTeam,
            taskId == null ? List.of() : List.of(taskId),
            groups,
            assignees);
    outbox.append(
        reviewId,
        missed
            ? new DeadlineMissed(alert, List.of(ReviewProcess.GROUP_COORDINATOR))
            : new DeadlineApproaching(alert));
    countAfterCommit(missed ? missedAlerts : approaching);
    return missed;
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
}
