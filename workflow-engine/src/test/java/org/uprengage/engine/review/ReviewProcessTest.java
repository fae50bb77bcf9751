package org.uprengage.engine.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.outcome.MidTermReportRecorded;
import org.uprengage.engine.outcome.OutcomeAdopted;
import org.uprengage.engine.outcome.PositionsRecorded;
import org.uprengage.engine.outcome.RecommendationsRecorded;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.task.TaskWork;

/**
 * Every path through {@code upr-review} and its stages, started and worked through the real entry
 * points: the submission, the review in the WG, the adoption, the follow-up and the hand-over to
 * the next review of the same State.
 */
class ReviewProcessTest extends EngineIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;

  @BeforeEach
  void assertionsOnThisEngine() {
    init(engine);
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void theCoordinatorPlansThenEachChosenAgencyDraftsItsSection() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);

    assertThat(walk.root())
        .isStarted()
        .hasPassed(ReviewProcess.START_REVIEW_SCHEDULED)
        .isWaitingAt(ReviewProcess.CALL_UN_SUBMISSION);
    ProcessInstance submission = walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY);
    assertThat(submission).isWaitingAt(ReviewProcess.TASK_PLAN_SUBMISSION);
    assertThat(submission).task().hasCandidateGroup(ReviewProcess.GROUP_COORDINATOR);
    assertThat(submission.getTenantId()).isEqualTo(walk.team());
    assertThat(submission.getBusinessKey()).isEqualTo(walk.review().id().toString());
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_PLAN_SUBMISSION,
        Map.of("agencies", List.of("UNICEF", "UNDP", "UNFPA")));

    assertThat(submission)
        .isWaitingAt(ReviewProcess.TASK_DRAFT_AGENCY_SECTION)
        .variables()
        .containsEntry(ReviewProcess.VAR_AGENCIES, List.of("UNICEF", "UNDP", "UNFPA"));
    List<Task> drafts = walk.tasks(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    assertThat(drafts)
        .hasSize(3)
        .allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo(walk.team()));
    for (String agency : List.of("UNICEF", "UNDP", "UNFPA")) {
      walk.complete(
          walk.focalPoint(agency),
          ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
          Map.of("text", agency + " section"));
    }

    assertThat(submission).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Test
  void aReviewGoesThroughEveryStageAndHandsOverToTheNextReviewOfTheState() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    ProcessInstance root = walk.root();

    walk.submitWithUnicef();
    assertThat(root).isWaitingAt(ReviewProcess.CALL_WG_REVIEW);
    ProcessInstance wgReview = walk.running(ReviewProcess.WG_REVIEW_PROCESS_KEY);
    assertThat(wgReview).task().hasCandidateGroup(ReviewProcess.GROUP_COORDINATOR);
    assertThat(walk.task(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2023-01-04T22:59:00Z")); // 28 days before the review day
    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    assertThat(wgReview).isWaitingAt(ReviewProcess.TIMER_WG_REPORT_ADOPTED);
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2023-02-03T22:59:00Z")); // the session's last day
    walk.fire(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED));
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_RECORD_RECOMMENDATIONS,
        Map.of("count", 250, "wgReportSymbol", "A/HRC/53/15"));
    assertThat(wgReview).isEnded().hasPassed(ReviewProcess.END_RECOMMENDATIONS_RECORDED);

    assertThat(root)
        .isWaitingAt(ReviewProcess.CALL_ADOPTION)
        .variables()
        .containsEntry(ReviewProcess.VAR_RECOMMENDATION_COUNT, 250);
    mvc.perform(get("/api/reviews/" + walk.review().id()).with(coordinator(walk.team())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value(ReviewProcess.STAGE_ADOPTION))
        .andExpect(jsonPath("$.step").value("early-positions"))
        .andExpect(jsonPath("$.openTasks[0].stage").value(ReviewProcess.STAGE_ADOPTION))
        .andExpect(jsonPath("$.outcome.recommendations").value(250))
        .andExpect(jsonPath("$.milestones[13].key").value("recommendationsRecorded"))
        .andExpect(jsonPath("$.milestones[13].dueOn").value("2023-02-17"))
        .andExpect(jsonPath("$.milestones[13].status").value("met"))
        .andExpect(jsonPath("$.milestones[14].key").value("addendumEarly"))
        .andExpect(jsonPath("$.milestones[14].status").value("overdue")); // a 2023 date, open today
    mvc.perform(
            get("/api/reviews/" + walk.review().id() + "/timeline").with(coordinator(walk.team())))
        .andExpect(
            jsonPath("$[?(@.event == 'review.stage-entered')].detail")
                .value(contains("stage review", "stage adoption")))
        .andExpect(
            jsonPath("$[?(@.event == 'review.recommendations-recorded')].detail")
                .value(contains("250 recommendations")));
    ProcessInstance adoption = walk.running(ReviewProcess.ADOPTION_PROCESS_KEY);
    walk.adopt();
    assertThat(adoption).isEnded().hasPassed(ReviewProcess.END_OUTCOME_ADOPTED);

    assertThat(root).isWaitingAt(ReviewProcess.CALL_FOLLOW_UP);
    ProcessInstance followUp = walk.running(ReviewProcess.FOLLOW_UP_PROCESS_KEY);
    walk.complete(walk.coordinator(), ReviewProcess.TASK_DISSEMINATE_RECOMMENDATIONS, Map.of());
    assertThat(followUp).isWaitingAt(ReviewProcess.TIMER_MID_TERM_REPORT_DUE);
    assertThat(walk.timer(ReviewProcess.TIMER_MID_TERM_REPORT_DUE).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2025-07-23T21:59:00Z")); // the review + 30 months
    walk.fire(walk.timer(ReviewProcess.TIMER_MID_TERM_REPORT_DUE));
    assertThat(walk.task(ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2025-10-21T21:59:00Z")); // 90 days to support it
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT,
        Map.of("submittedOn", "2025-08-01"));

    assertThat(followUp).isEnded().hasPassed(ReviewProcess.END_FOLLOW_UP_DONE);
    assertThat(root)
        .as("the hand-over runs in a job of its own, not in the request of the last task")
        .isWaitingAt(ReviewProcess.TASK_HAND_OVER);
    walk.handOver();
    assertThat(root)
        .isEnded()
        .hasPassed( // the history's order follows the clock the test moves, so not checked
            ReviewProcess.CALL_UN_SUBMISSION,
            ReviewProcess.CALL_WG_REVIEW,
            ReviewProcess.CALL_ADOPTION,
            ReviewProcess.CALL_FOLLOW_UP,
            ReviewProcess.TASK_HAND_OVER,
            ReviewProcess.END_HANDED_OVER);
    Review handedOver = reviews.find(walk.coordinator(), walk.review().id()).orElseThrow();
    assertThat(handedOver.state()).isEqualTo(Review.COMPLETED);
    Review next = reviews.find(walk.coordinator(), handedOver.nextReviewId()).orElseThrow();
    assertThat(next.session()).isEqualTo(56);
    assertThat(next.startedBy()).isEqualTo(ReviewWorkflow.HANDED_OVER_BY);
    assertThat(next.previousReviewId()).isEqualTo(walk.review().id());
    assertThat(next.state()).isEqualTo(Review.ACTIVE);
    mvc.perform(get("/api/reviews/" + walk.review().id()).with(coordinator(walk.team())))
        .andExpect(jsonPath("$.stage").value(ReviewProcess.STAGE_HANDED_OVER))
        .andExpect(jsonPath("$.nextReviewId").value(next.id().toString()))
        .andExpect(jsonPath("$.outcome.finalPositions.pending").value(0))
        .andExpect(jsonPath("$.outcome.hrcAdoptedOn").value("2023-07-10"));
    assertThat(outboxTypes(walk.review().id().toString()))
        .filteredOn(type -> type.startsWith("org.uprengage.review."))
        .containsSubsequence(
            ReviewStarted.TYPE,
            StageEntered.TYPE,
            RecommendationsRecorded.TYPE,
            StageEntered.TYPE,
            PositionsRecorded.TYPE,
            PositionsRecorded.TYPE,
            OutcomeAdopted.TYPE,
            StageEntered.TYPE,
            MidTermReportRecorded.TYPE,
            ReviewHandedOver.TYPE);
  }

  @Test
  void aPlanWithNoAgencyMakesNoSubmissionAndTheReviewGoesOn() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    ProcessInstance submission = walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY);

    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));

    assertThat(submission)
        .isEnded()
        .hasPassed(ReviewProcess.END_NO_SUBMISSION)
        .hasNotPassed(ReviewProcess.TASK_DRAFT_AGENCY_SECTION, ReviewProcess.END_SUBMISSION_SENT);
    assertThat(walk.root()).isWaitingAt(ReviewProcess.CALL_WG_REVIEW);
    assertThat(walk.tasks(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES)).hasSize(1);
    String reviewId = walk.review().id().toString();
    mvc.perform(
            get("/api/tasks")
                .param("reviewId", reviewId)
                .param("stage", "review")
                .with(coordinator(walk.team())))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(
            jsonPath("$.items[0].taskKey").value(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES));
    mvc.perform(
            get("/api/tasks")
                .param("reviewId", reviewId)
                .param("stage", "submission")
                .with(coordinator(walk.team())))
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(get("/api/tasks").param("stage", "lunch").with(coordinator(walk.team())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stage"));
  }

  @Test
  void whenEveryAgencyDeclinesThereIsNoSubmissionAndTheReviewGoesOn() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    ProcessInstance submission = walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY);
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_PLAN_SUBMISSION,
        Map.of("agencies", List.of("UNICEF", "UNDP")));

    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("decline", "No capacity this cycle"));
    walk.complete(
        walk.focalPoint("UNDP"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("decline", "Covered by the UNICEF section"));

    assertThat(submission)
        .isEnded()
        .hasPassed(ReviewProcess.END_ALL_AGENCIES_DECLINED)
        .hasNotPassed(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
    assertThat(walk.root()).isWaitingAt(ReviewProcess.CALL_WG_REVIEW);
  }

  @Test
  void anAgencyThatDeclinesDoesNotClearTheText() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_PLAN_SUBMISSION,
        Map.of("agencies", List.of("UNICEF", "UNDP")));
    String undpDraft =
        walk.tasks(ReviewProcess.TASK_DRAFT_AGENCY_SECTION).stream()
            .filter(
                task ->
                    engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .anyMatch(link -> "UNDP".equals(link.getGroupId())))
            .findFirst()
            .orElseThrow()
            .getId();
    work.claim(walk.focalPoint("UNDP"), undpDraft);
    assertThatThrownBy(
            () ->
                work.complete(
                    walk.focalPoint("UNDP"),
                    undpDraft,
                    Map.of("text", "Some text", "decline", "No capacity")))
        .isInstanceOf(InvalidInput.class);

    work.complete(walk.focalPoint("UNDP"), undpDraft, Map.of("decline", "No capacity"));
    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));
    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, Map.of("text", "Joint"));

    assertThat(walk.tasks(ReviewProcess.TASK_CLEAR_SUBMISSION))
        .singleElement()
        .satisfies(task -> assertThat(task).hasCandidateGroup("head-of-office:UNICEF"));
  }

  @Test
  void theHandOverLinksTheNextReviewWhenItWasAlreadyStarted() {
    String team = newCountryTeam();
    ReviewWalk next = new ReviewWalk(engine, reviews, work, team, 56);
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    ProcessInstance root = walk.root();

    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));
    walk.reviewWith(250);
    walk.adopt();
    walk.followUp();

    assertThat(root).isEnded().hasPassed(ReviewProcess.END_HANDED_OVER);
    assertThat(reviews.find(walk.coordinator(), walk.review().id()).orElseThrow().nextReviewId())
        .isEqualTo(next.review().id());
    assertThat(reviews.find(walk.coordinator(), next.review().id()).orElseThrow())
        .extracting(Review::previousReviewId, Review::startedBy)
        .containsExactly(walk.review().id(), "coordinator");
  }

  @Test
  void aReviewWhoseNextSessionIsNotInTheCalendarYetAddsItTentatively() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 54);

    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));
    walk.reviewWith(250);
    walk.adopt();
    walk.followUp();

    UUID nextId = reviews.find(walk.coordinator(), walk.review().id()).orElseThrow().nextReviewId();
    assertThat(reviews.find(walk.coordinator(), nextId).orElseThrow().session()).isEqualTo(68);
    assertThat(
            jdbc.queryForObject(
                "SELECT dates_tentative FROM upr_session WHERE number = 68", Boolean.class))
        .isTrue();
  }
}
