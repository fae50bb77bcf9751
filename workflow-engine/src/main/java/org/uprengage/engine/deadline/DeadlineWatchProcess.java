package org.uprengage.engine.deadline;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.uprengage.engine.review.ReviewProcess;

/** Names of the {@code upr-deadline-watch} model, and how a watch starts. */
public final class DeadlineWatchProcess {

  public static final String PROCESS_KEY = "upr-deadline-watch";

  public static final String START_TASK_DUE = "StartEvent_TaskDue";
  public static final String TIMER_DEADLINE_ALERT = "Timer_DeadlineAlert";
  public static final String TASK_RAISE_DEADLINE_ALERT = "ServiceTask_RaiseDeadlineAlert";
  public static final String END_DEADLINE_ESCALATED = "EndEvent_DeadlineEscalated";
  public static final String END_TASK_COMPLETED = "EndEvent_TaskCompleted";
  public static final String END_TASK_CANCELLED = "EndEvent_TaskCancelled";

  public static final String VAR_TASK_ID = "taskId";
  public static final String VAR_TASK_NAME = "taskName";
  public static final String VAR_MILESTONE = "milestone";
  public static final String VAR_DUE_DATE = "dueDate";

  private DeadlineWatchProcess() {}

  /** Starts watching a task due at a milestone of a review, in the review's country team. */
  static ProcessInstance start(
      RuntimeService runtime,
      String taskId,
      String taskName,
      String reviewId,
      String countryTeam,
      String milestone,
      Date due) {
    return runtime
        .createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .businessKey(reviewId)
        .setVariable(VAR_TASK_ID, taskId)
        .setVariable(VAR_TASK_NAME, taskName)
        .setVariable(ReviewProcess.VAR_REVIEW_ID, reviewId)
        .setVariable(ReviewProcess.VAR_COUNTRY, countryTeam)
        .setVariable(VAR_MILESTONE, milestone)
        .setVariable(VAR_DUE_DATE, due)
        .execute();
  }
}
