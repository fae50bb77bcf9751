package org.uprengage.engine.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Listens to every user task of every process and writes the matching task event to the outbox, in
 * the engine's transaction. Registered on all user tasks by {@link TaskEventsPlugin}, so a task
 * changed by any path (API, engine, cockpit) raises its event.
 */
@Component
class TaskEventRecorder implements TaskListener {

  private final EventOutbox outbox;
  private final EventTopics topics;

  TaskEventRecorder(EventOutbox outbox, EventTopics topics) {
    this.outbox = outbox;
    this.topics = topics;
  }

  @Override
  public void notify(DelegateTask task) {
    String type =
        switch (task.getEventName()) {
          case EVENTNAME_CREATE -> TaskEvents.CREATED;
          case EVENTNAME_ASSIGNMENT -> task.getAssignee() == null ? null : assignmentType(task);
          case EVENTNAME_UPDATE -> unassigned(task) ? TaskEvents.UNCLAIMED : null;
          case EVENTNAME_COMPLETE -> TaskEvents.COMPLETED;
          case EVENTNAME_DELETE -> TaskEvents.CANCELLED;
          default -> null;
        };
    if (type == null) {
      return;
    }
    Object reviewId = task.getVariable(ReviewProcess.VAR_REVIEW_ID);
    if (reviewId == null) {
      return; // a task outside any review (none today) raises no review-keyed event
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("taskId", task.getId());
    payload.put("taskKey", task.getTaskDefinitionKey());
    payload.put("taskName", task.getName());
    payload.put("countryTeam", task.getTenantId());
    payload.put("candidateGroups", candidateGroups(task));
    payload.put("assignee", task.getAssignee());
    payload.put("previousAssignee", previousAssignee(task));
    payload.put(
        "dueDate", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
    payload.put("actor", actor());
    outbox.append(
        topics.tasks(),
        UUID.fromString(reviewId.toString()),
        type,
        "reviews/" + reviewId + "/tasks/" + task.getId(),
        payload);
  }

  private static String assignmentType(DelegateTask task) {
    return task.getAssignee().equals(actor()) ? TaskEvents.CLAIMED : TaskEvents.ASSIGNED;
  }

  private static boolean unassigned(DelegateTask task) {
    PropertyChange change = assigneeChange(task);
    return change != null && change.getNewValue() == null && change.getOrgValue() != null;
  }

  private static String previousAssignee(DelegateTask task) {
    PropertyChange change = assigneeChange(task);
    return change == null || change.getOrgValue() == null ? null : change.getOrgValue().toString();
  }

  private static PropertyChange assigneeChange(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getPropertyChanges() != null) {
      return entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    }
    return null;
  }

  private static List<String> candidateGroups(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    groups.sort(null);
    return groups;
  }

  private static String actor() {
    return Context.getCommandContext() == null
        ? null
        : Context.getCommandContext().getAuthenticatedUserId();
  }
}
