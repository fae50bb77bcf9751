package org.uprengage.engine.review;

/** Names shared by the {@code upr-review} BPMN model, its Java adapters and its tests. */
public final class ReviewProcess {

  public static final String PROCESS_KEY = "upr-review";

  public static final String START_REVIEW_SCHEDULED = "StartEvent_ReviewScheduled";
  public static final String TASK_PLAN_SUBMISSION = "UserTask_PlanSubmission";
  public static final String SUBPROCESS_DRAFT_AGENCY_SECTION = "SubProcess_DraftAgencySection";
  public static final String TASK_DRAFT_AGENCY_SECTION = "UserTask_DraftAgencySection";
  public static final String TIMER_DRAFT_DEADLINE_ALERT = "Timer_DraftDeadlineAlert";
  public static final String TASK_RAISE_DEADLINE_ALERT = "ServiceTask_RaiseDeadlineAlert";
  public static final String END_DEADLINE_ESCALATED = "EndEvent_DeadlineEscalated";
  public static final String END_SECTION_DRAFTED = "EndEvent_SectionDrafted";
  public static final String TASK_CONSOLIDATE_SUBMISSION = "UserTask_ConsolidateSubmission";
  public static final String TASK_CLEAR_SUBMISSION = "UserTask_ClearSubmission";
  public static final String TASK_REVISE_AGENCY_SECTION = "UserTask_ReviseAgencySection";
  public static final String TASK_SIGN_OFF_SUBMISSION = "UserTask_SignOffSubmission";
  public static final String TASK_RECORD_SUBMISSION = "UserTask_RecordSubmission";
  public static final String END_SUBMISSION_SENT = "EndEvent_SubmissionSent";
  public static final String GROUP_RC = "rc";
  public static final String GROUP_HEAD_OF_OFFICE = "head-of-office";

  public static final String GROUP_COORDINATOR = "coordinator";

  public static final String VAR_REVIEW_ID = "reviewId";
  public static final String VAR_COUNTRY = "country";
  public static final String VAR_SESSION = "session";
  public static final String VAR_AGENCIES = "agencies";
  public static final String VAR_AGENCY = "agency";
  public static final String VAR_DEADLINE_MISSED = "deadlineMissed";
  public static final String VAR_SUBMISSION_ROUND = "submissionRound";

  /** The stage a review is in, by the activity it waits at. */
  public static final java.util.Map<String, String> STAGES =
      java.util.Map.of(
          TASK_PLAN_SUBMISSION, "submission-planning",
          SUBPROCESS_DRAFT_AGENCY_SECTION, "agency-drafting",
          TASK_CONSOLIDATE_SUBMISSION, "consolidation",
          TASK_CLEAR_SUBMISSION, "clearance",
          TASK_REVISE_AGENCY_SECTION, "revision",
          TASK_SIGN_OFF_SUBMISSION, "rc-sign-off",
          TASK_RECORD_SUBMISSION, "sending");

  /** The stage of a review whose process has ended. */
  public static final String STAGE_SUBMITTED = "submitted";

  private ReviewProcess() {}
}
