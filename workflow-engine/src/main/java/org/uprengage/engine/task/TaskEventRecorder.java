package org.uprengage.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Listens to every user task of every process and writes the matching task event to the outbox, in
 * the engine's transaction. Registered on all user tasks by {@link TaskEventsPlugin}, so a task
 * changed by any path (API, engine, cockpit) raises its event.
 */
@Component
class TaskEventRecorder implements TaskListener {

  /** A review's id as a business key carries it (a UUID, as the review's row has it). */
  static final Pattern REVIEW_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final EventOutbox outbox;

  TaskEventRecorder(EventOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void notify(DelegateTask task) {
    Function<TaskSnapshot, TaskEvent> eventOf =
        switch (task.getEventName()) {
          case EVENTNAME_CREATE -> TaskCreated::new;
          case EVENTNAME_ASSIGNMENT -> task.getAssignee() == null ? null : assignment(task);
          case EVENTNAME_UPDATE -> unassigned(task) ? TaskUnclaimed::new : null;
          case EVENTNAME_COMPLETE -> TaskCompleted::new;
          case EVENTNAME_DELETE -> TaskCancelled::new;
          default -> null;
        };
    if (eventOf == null) {
      return;
    }
    Object reviewId = reviewIdOf(task);
    if (reviewId == null) {
      return; // a task outside any review (none today) raises no review-keyed event
    }
    outbox.append(
        UUID.fromString(reviewId.toString()),
        eventOf.apply(
            new TaskSnapshot(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getTenantId(),
                candidateGroups(task),
                task.getAssignee(),
                previousAssignee(task),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                actor())));
  }

  /**
   * The review of the task: its process instance's business key, which is the review's id on the
   * review's own instance and on each of its stages' (a review id read from the one row of the
   * instance, which the engine has read already when a task is created or completed), else the
   * review's variable, looked up through the task's executions.
   */
  private static Object reviewIdOf(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getProcessInstance() != null) {
      String key = entity.getProcessInstance().getBusinessKey();
      if (key != null && REVIEW_ID.matcher(key).matches()) {
        return key;
      }
    }
    return task.getVariable(ReviewProcess.VAR_REVIEW_ID);
  }

  /** Taking a task oneself is claiming it; being given it is an assignment. */
  private static Function<TaskSnapshot, TaskEvent> assignment(DelegateTask task) {
    return task.getAssignee().equals(actor()) ? TaskClaimed::new : TaskAssigned::new;
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

  static List<String> candidateGroups(DelegateTask task) {
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
