package org.uprengage.engine.review;

import java.util.List;
import java.util.Map;

/**
 * Names shared by the review's BPMN models ({@code upr-review} and the stage processes it calls),
 * their Java adapters and their tests.
 */
public final class ReviewProcess {

  public static final String PROCESS_KEY = "upr-review";
  public static final String UN_SUBMISSION_PROCESS_KEY = "upr-un-submission";
  public static final String WG_REVIEW_PROCESS_KEY = "upr-wg-review";
  public static final String ADOPTION_PROCESS_KEY = "upr-adoption";
  public static final String FOLLOW_UP_PROCESS_KEY = "upr-follow-up";

  // upr-review: the cycle, one call activity per stage
  public static final String START_REVIEW_SCHEDULED = "StartEvent_ReviewScheduled";
  public static final String CALL_UN_SUBMISSION = "CallActivity_UnSubmission";
  public static final String CALL_WG_REVIEW = "CallActivity_WgReview";
  public static final String CALL_ADOPTION = "CallActivity_Adoption";
  public static final String CALL_FOLLOW_UP = "CallActivity_FollowUp";
  public static final String TASK_HAND_OVER = "ServiceTask_HandOverToNextReview";
  public static final String END_HANDED_OVER = "EndEvent_HandedOver";
  public static final String TASK_SUPPORT_NATIONAL_REPORT = "UserTask_SupportNationalReport";
  public static final String TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS =
      "UserTask_SupportStakeholderSubmissions";

  // upr-un-submission
  public static final String TASK_PLAN_SUBMISSION = "UserTask_PlanSubmission";
  public static final String END_NO_SUBMISSION = "EndEvent_NoSubmission";
  public static final String TASK_DRAFT_AGENCY_SECTION = "UserTask_DraftAgencySection";
  public static final String END_ALL_AGENCIES_DECLINED = "EndEvent_AllAgenciesDeclined";
  public static final String TASK_CONSOLIDATE_SUBMISSION = "UserTask_ConsolidateSubmission";
  public static final String TASK_CLEAR_SUBMISSION = "UserTask_ClearSubmission";
  public static final String TASK_REVISE_AGENCY_SECTION = "UserTask_ReviseAgencySection";
  public static final String TASK_SIGN_OFF_SUBMISSION = "UserTask_SignOffSubmission";
  public static final String TASK_RECORD_SUBMISSION = "UserTask_RecordSubmission";
  public static final String END_SUBMISSION_SENT = "EndEvent_SubmissionSent";

  // upr-wg-review
  public static final String GATEWAY_PRE_DIALOGUE_TASKS = "Gateway_PreDialogueTasks";
  public static final String TASK_BRIEF_RECOMMENDING_STATES = "UserTask_BriefRecommendingStates";
  public static final String TASK_CHECK_COMPILATION = "UserTask_CheckCompilation";
  public static final String TASK_SHARE_ADVANCE_QUESTIONS = "UserTask_ShareAdvanceQuestions";
  public static final String GATEWAY_PRE_DIALOGUE_TASKS_DONE = "Gateway_PreDialogueTasksDone";
  public static final String TIMER_WG_REPORT_ADOPTED = "Timer_WgReportAdopted";
  public static final String TASK_RECORD_RECOMMENDATIONS = "UserTask_RecordRecommendations";
  public static final String END_RECOMMENDATIONS_RECORDED = "EndEvent_RecommendationsRecorded";

  // upr-adoption
  public static final String TASK_RECORD_EARLY_POSITIONS = "UserTask_RecordEarlyPositions";
  public static final String TASK_RECORD_FINAL_POSITIONS = "UserTask_RecordFinalPositions";
  public static final String TASK_RECORD_HRC_ADOPTION = "UserTask_RecordHrcAdoption";
  public static final String END_OUTCOME_ADOPTED = "EndEvent_OutcomeAdopted";

  // upr-follow-up
  public static final String TASK_DISSEMINATE_RECOMMENDATIONS =
      "UserTask_DisseminateRecommendations";
  public static final String TIMER_MID_TERM_REPORT_DUE = "Timer_MidTermReportDue";
  public static final String TASK_SUPPORT_MID_TERM_REPORT = "UserTask_SupportMidTermReport";
  public static final String END_FOLLOW_UP_DONE = "EndEvent_FollowUpDone";

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
  public static final String VAR_RECOMMENDATION_COUNT = "recommendationCount";

  public static final String STAGE_SUBMISSION = "submission";
  public static final String STAGE_REVIEW = "review";
  public static final String STAGE_ADOPTION = "adoption";
  public static final String STAGE_FOLLOW_UP = "follow-up";

  /** The stage of a review whose process has ended: it handed over to the next review. */
  public static final String STAGE_HANDED_OVER = "handed-over";

  /** The stage of a review of the first model version (the submission only) once it ended. */
  public static final String STAGE_SUBMITTED = "submitted";

  /** The stages in order, each with the call activity and the process that carry it. */
  public static final List<String> STAGE_ORDER =
      List.of(STAGE_SUBMISSION, STAGE_REVIEW, STAGE_ADOPTION, STAGE_FOLLOW_UP);

  /** The stage a review is in, by the call activity of {@code upr-review} it waits at. */
  public static final Map<String, String> STAGES =
      Map.of(
          CALL_UN_SUBMISSION, STAGE_SUBMISSION,
          CALL_WG_REVIEW, STAGE_REVIEW,
          CALL_ADOPTION, STAGE_ADOPTION,
          CALL_FOLLOW_UP, STAGE_FOLLOW_UP);

  /** The process that carries each stage. */
  public static final Map<String, String> STAGE_PROCESSES =
      Map.of(
          STAGE_SUBMISSION, UN_SUBMISSION_PROCESS_KEY,
          STAGE_REVIEW, WG_REVIEW_PROCESS_KEY,
          STAGE_ADOPTION, ADOPTION_PROCESS_KEY,
          STAGE_FOLLOW_UP, FOLLOW_UP_PROCESS_KEY);

  /** The step within its stage a review is at, by the activity it waits at. */
  public static final Map<String, String> STEPS =
      Map.ofEntries(
          Map.entry(TASK_PLAN_SUBMISSION, "submission-planning"),
          Map.entry(TASK_DRAFT_AGENCY_SECTION, "agency-drafting"),
          Map.entry(TASK_CONSOLIDATE_SUBMISSION, "consolidation"),
          Map.entry(TASK_CLEAR_SUBMISSION, "clearance"),
          Map.entry(TASK_REVISE_AGENCY_SECTION, "revision"),
          Map.entry(TASK_SIGN_OFF_SUBMISSION, "rc-sign-off"),
          Map.entry(TASK_RECORD_SUBMISSION, "sending"),
          Map.entry(TASK_BRIEF_RECOMMENDING_STATES, "briefings"),
          Map.entry(TASK_CHECK_COMPILATION, "compilation-check"),
          Map.entry(TASK_SHARE_ADVANCE_QUESTIONS, "advance-questions"),
          Map.entry(TIMER_WG_REPORT_ADOPTED, "wg-session"),
          Map.entry(TASK_RECORD_RECOMMENDATIONS, "recommendations"),
          Map.entry(TASK_RECORD_EARLY_POSITIONS, "early-positions"),
          Map.entry(TASK_RECORD_FINAL_POSITIONS, "addendum"),
          Map.entry(TASK_RECORD_HRC_ADOPTION, "hrc-adoption"),
          Map.entry(TASK_DISSEMINATE_RECOMMENDATIONS, "dissemination"),
          Map.entry(TIMER_MID_TERM_REPORT_DUE, "implementation"),
          Map.entry(TASK_SUPPORT_MID_TERM_REPORT, "mid-term-report"));

  private ReviewProcess() {}
}
