package org.uprengage.engine.deadline;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;
import org.uprengage.engine.review.ReviewProcess;

/**
 * "Remind, or escalate to the coordinator": when a deadline watch fires, raises "deadline
 * approaching" (a reminder, with the days left) or, once the deadline has passed, "deadline missed"
 * addressed to the coordinator, and tells the process which it was ({@code deadlineMissed}).
 */
@Component("raiseDeadlineAlertAdapter")
class RaiseDeadlineAlertAdapter implements JavaDelegate {

  static final String DEADLINE_APPROACHING = "org.uprengage.deadline.approaching.v1";
  static final String DEADLINE_MISSED = "org.uprengage.deadline.missed.v1";

  private final DeadlinePlanner planner;
  private final EventOutbox outbox;
  private final EventTopics topics;

  RaiseDeadlineAlertAdapter(DeadlinePlanner planner, EventOutbox outbox, EventTopics topics) {
    this.planner = planner;
    this.outbox = outbox;
    this.topics = topics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String milestone = (String) execution.getVariable("milestone");
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    Date due = planner.dueOf(execution, milestone);
    long daysLeft = DeadlinePlanner.daysLeft(due, ClockUtil.getCurrentTime());
    boolean missed = !ClockUtil.getCurrentTime().before(due);
    List<String> watchedTasks = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (Task task :
        execution
            .getProcessEngineServices()
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .list()) {
      if (milestone.equals(DeadlinePlanner.TASK_MILESTONES.get(task.getTaskDefinitionKey()))
          && sameScope(execution, task)) {
        watchedTasks.add(task.getId());
        if (task.getAssignee() != null) {
          assignees.add(task.getAssignee());
        }
      }
    }
    Object agency = execution.getVariable(ReviewProcess.VAR_AGENCY);
    if (agency != null) {
      groups.add(agency.toString());
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("milestone", milestone);
    payload.put("dueAt", due.toInstant().toString());
    payload.put("daysLeft", daysLeft);
    payload.put("countryTeam", execution.getTenantId());
    payload.put("taskIds", watchedTasks);
    payload.put("candidateGroups", groups);
    payload.put("assignees", assignees);
    if (missed) {
      payload.put("escalateTo", List.of(ReviewProcess.GROUP_COORDINATOR));
    }
    outbox.append(
        topics.deadlines(),
        reviewId,
        missed ? DEADLINE_MISSED : DEADLINE_APPROACHING,
        "reviews/" + reviewId + "/milestones/" + milestone,
        payload);
    execution.setVariableLocal(ReviewProcess.VAR_DEADLINE_MISSED, missed);
  }

  /** The task of this agency's drafting, not another agency's (same multi-instance scope). */
  private static boolean sameScope(DelegateExecution execution, Task task) {
    Object agency = execution.getVariable(ReviewProcess.VAR_AGENCY);
    Object taskAgency =
        execution
            .getProcessEngineServices()
            .getTaskService()
            .getVariable(task.getId(), ReviewProcess.VAR_AGENCY);
    return agency == null || agency.equals(taskAgency);
  }
}
