package org.uprengage.engine.deadline;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;
import org.uprengage.engine.review.ReviewProcess;

/**
 * "Remind, or escalate to the coordinator": when a deadline watch fires, raises "deadline
 * approaching" (a reminder, with the days left) for whoever holds the watched task or, once its due
 * date has passed, "deadline missed" addressed to the coordinator too, and tells the watch which it
 * was ({@code deadlineMissed}).
 */
@Component("raiseDeadlineAlertAdapter")
class RaiseDeadlineAlertAdapter implements JavaDelegate {

  static final String DEADLINE_APPROACHING = "org.uprengage.deadline.approaching.v1";
  static final String DEADLINE_MISSED = "org.uprengage.deadline.missed.v1";

  private final EventOutbox outbox;
  private final EventTopics topics;

  RaiseDeadlineAlertAdapter(EventOutbox outbox, EventTopics topics) {
    this.outbox = outbox;
    this.topics = topics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String milestone = (String) execution.getVariable(DeadlineWatchProcess.VAR_MILESTONE);
    String taskId = (String) execution.getVariable(DeadlineWatchProcess.VAR_TASK_ID);
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    Date due = (Date) execution.getVariable(DeadlineWatchProcess.VAR_DUE_DATE);
    Date now = ClockUtil.getCurrentTime();
    boolean missed = !now.before(due);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
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
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("milestone", milestone);
    payload.put("taskName", execution.getVariable(DeadlineWatchProcess.VAR_TASK_NAME));
    payload.put("dueAt", due.toInstant().toString());
    payload.put("daysLeft", DeadlinePlanner.daysLeft(due, now));
    payload.put("countryTeam", execution.getTenantId());
    payload.put("taskIds", List.of(taskId));
    payload.put("candidateGroups", groups);
    payload.put("assignees", assignees);
    if (missed) {
      payload.put("escalateTo", List.of(ReviewProcess.GROUP_COORDINATOR));
    }
    outbox.append(
        topics.deadlines(),
        reviewId,
        missed ? DEADLINE_MISSED : DEADLINE_APPROACHING,
        "reviews/" + reviewId + "/tasks/" + taskId,
        payload);
    execution.setVariable(ReviewProcess.VAR_DEADLINE_MISSED, missed);
  }
}
