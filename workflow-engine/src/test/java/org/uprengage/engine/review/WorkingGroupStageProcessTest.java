package org.uprengage.engine.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.deadline.DeadlineChanged;
import org.uprengage.engine.task.TaskWork;

/**
 * The Working Group stage as it runs, through the real entry points: the State's own review day
 * (computed from the session until OHCHR's timetable gives it) with the WG report two working days
 * later and the stage's timer on it; the optional tasks before the dialogue and before the review;
 * a review moved to another WG session with every date, task and timer following.
 */
class WorkingGroupStageProcessTest extends EngineIntegrationTest {

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
  void theStageTimerWaitsForTheStatesReviewDayFromTheTimetable() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    String id = walk.review().id().toString();
    assertThat(milestone(walk.team(), id, "stateReview", "dueOn")).isEqualTo("2023-02-01");
    assertThat(milestone(walk.team(), id, "stateReview", "basis")).isEqualTo("computed");
    assertThat(milestone(walk.team(), id, "wgReportAdopted", "dueOn")).isEqualTo("2023-02-03");
    walk.submitWithUnicef();
    ProcessInstance wgReview = walk.running(ReviewProcess.WG_REVIEW_PROCESS_KEY);
    assertThat(wgReview).isWaitingAt(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES);

    setReviewDay(id, "{\"reviewDay\":\"2023-01-25\"}", coordinator(walk.team()))
        .andExpect(status().isOk());
    assertThat(milestone(walk.team(), id, "stateReview", "basis")).isEqualTo("official");
    assertThat(milestone(walk.team(), id, "wgReportAdopted", "dueOn")).isEqualTo("2023-01-27");
    assertThat(milestone(walk.team(), id, "briefings", "dueOn")).isEqualTo("2022-12-28");
    assertThat(walk.task(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2022-12-28T22:59:00Z"));
    assertThat(outboxTypes(id)).contains(DeadlineChanged.TYPE);

    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    assertThat(wgReview)
        .hasPassed(ReviewProcess.GATEWAY_PRE_DIALOGUE_TASKS_DONE)
        .isWaitingAt(ReviewProcess.TIMER_WG_REPORT_ADOPTED);
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .as("the WG adopts the report two working days after the State's day")
        .isEqualTo(Instant.parse("2023-01-27T22:59:00Z"));

    // The timetable gives the adoption day itself: the timer follows.
    setReviewDay(
            id,
            "{\"reviewDay\":\"2023-01-25\",\"wgReportAdopted\":\"2023-01-30\"}",
            coordinator(walk.team()))
        .andExpect(status().isOk());
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2023-01-30T22:59:00Z"));
    walk.fire(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED));
    assertThat(wgReview).isWaitingAt(ReviewProcess.TASK_RECORD_RECOMMENDATIONS);
  }

  @Test
  void aReviewDayOutsideTheSessionIsRefusedAndChangesNothing() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    String id = walk.review().id().toString();
    setReviewDay(id, "{\"reviewDay\":\"2023-02-10\"}", coordinator(walk.team()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reviewDay"));
    setReviewDay(
            id,
            "{\"reviewDay\":\"2023-01-25\",\"wgReportAdopted\":\"2023-01-20\"}",
            coordinator(walk.team()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("wgReportAdopted"));
    setReviewDay(id, "{\"reviewDay\":\"2023-01-25\"}", focalUnicef(walk.team()))
        .andExpect(status().isForbidden());
    assertThat(milestone(walk.team(), id, "stateReview", "basis")).isEqualTo("computed");
  }

  @Test
  void aTeamThatWantsThemChecksTheCompilationAndSharesAdvanceQuestionsBeforeTheDialogue()
      throws Exception {
    String team = newCountryTeam();
    wantOptionalTasks(team, "{\"wanted\":{\"compilationCheck\":true,\"advanceQuestions\":true}}");
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    walk.submitWithUnicef();
    ProcessInstance wgReview = walk.running(ReviewProcess.WG_REVIEW_PROCESS_KEY);
    assertThat(wgReview)
        .isWaitingAt(
            ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES,
            ReviewProcess.TASK_CHECK_COMPILATION,
            ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS);
    // due from the review day computed from the session: 1 February 2023
    assertThat(walk.task(ReviewProcess.TASK_CHECK_COMPILATION).getDueDate().toInstant())
        .as("about six weeks before the review, when the compilation is published")
        .isEqualTo(Instant.parse("2022-12-21T22:59:00Z"));
    assertThat(walk.task(ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS).getDueDate().toInstant())
        .as("written questions go about ten days before")
        .isEqualTo(Instant.parse("2023-01-22T22:59:00Z"));

    walk.complete(walk.coordinator(), ReviewProcess.TASK_CHECK_COMPILATION, Map.of());
    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    assertThat(wgReview).isWaitingAt(ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS);
    walk.complete(walk.coordinator(), ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS, Map.of());
    assertThat(wgReview)
        .hasPassed(
            ReviewProcess.TASK_CHECK_COMPILATION,
            ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS,
            ReviewProcess.GATEWAY_PRE_DIALOGUE_TASKS_DONE)
        .isWaitingAt(ReviewProcess.TIMER_WG_REPORT_ADOPTED);
  }

  @Test
  void aTeamThatWantsThemSupportsTheNationalReportAndTheStakeholdersSubmissions() throws Exception {
    String team = newCountryTeam();
    wantOptionalTasks(
        team, "{\"wanted\":{\"nationalReportSupport\":true,\"stakeholderSupport\":true}}");
    mvc.perform(get("/api/country-teams/" + team + "/optional-tasks").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tasks[2].task").value("nationalReportSupport"))
        .andExpect(jsonPath("$.tasks[2].wanted").value(true))
        .andExpect(jsonPath("$.tasks[2].before").value("nationalReport"))
        .andExpect(jsonPath("$.tasks[0].wanted").value(false));
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    assertThat(walk.root())
        .isWaitingAt(
            ReviewProcess.CALL_UN_SUBMISSION,
            ReviewProcess.TASK_SUPPORT_NATIONAL_REPORT,
            ReviewProcess.TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS);
    // WG 42: national report due 10 October 2022, stakeholders 14 July 2022; 14 days before each
    assertThat(walk.task(ReviewProcess.TASK_SUPPORT_NATIONAL_REPORT).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2022-09-26T21:59:00Z"));
    assertThat(
            walk.task(ReviewProcess.TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2022-06-30T21:59:00Z"));
    String detail =
        mvc.perform(get("/api/reviews/" + walk.review().id()).with(coordinator(team)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(
            JsonPath.<List<String>>read(
                detail, "$.openTasks[?(@.taskKey == 'UserTask_SupportNationalReport')].stage"))
        .containsExactly(ReviewProcess.STAGE_SUBMISSION);

    walk.complete(walk.coordinator(), ReviewProcess.TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS, Map.of());
    walk.complete(walk.coordinator(), ReviewProcess.TASK_SUPPORT_NATIONAL_REPORT, Map.of());
    assertThat(walk.root())
        .hasPassed(
            ReviewProcess.TASK_SUPPORT_NATIONAL_REPORT,
            ReviewProcess.TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS)
        .isWaitingAt(ReviewProcess.CALL_UN_SUBMISSION);
  }

  @Test
  void aReviewMovedToALaterSessionTakesEveryDateTaskAndTimerWithIt() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    String id = walk.review().id().toString();
    walk.submitWithUnicef();
    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    setReviewDay(id, "{\"reviewDay\":\"2023-01-25\"}", coordinator(walk.team()))
        .andExpect(status().isOk());
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2023-01-27T22:59:00Z"));

    move(id, "{\"session\":54}", focalUnicef(walk.team())).andExpect(status().isForbidden());
    move(id, "{\"session\":42}", coordinator(walk.team())).andExpect(status().isBadRequest());
    move(id, "{\"session\":777}", coordinator(walk.team())).andExpect(status().isBadRequest());
    move(
            id,
            "{\"session\":54,\"reason\":\"postponed by the HRC President\"}",
            coordinator(walk.team()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.session").value(54));

    // WG 54 (25 January - 5 February 2027, tentative): review day computed again from it
    assertThat(milestone(walk.team(), id, "stateReview", "dueOn")).isEqualTo("2027-02-03");
    assertThat(milestone(walk.team(), id, "stateReview", "basis")).isEqualTo("computed");
    assertThat(milestone(walk.team(), id, "wgReportAdopted", "dueOn")).isEqualTo("2027-02-05");
    assertThat(milestone(walk.team(), id, "addendumFinal", "dueOn")).isEqualTo("2027-06-07");
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2027-02-05T22:59:00Z"));
    assertThat(walk.running(ReviewProcess.WG_REVIEW_PROCESS_KEY))
        .variables()
        .containsEntry(ReviewProcess.VAR_SESSION, 54);
    assertThat(walk.root()).variables().containsEntry(ReviewProcess.VAR_SESSION, 54);
    List<String> reasons =
        jdbc.queryForList(
            "SELECT payload::json->>'reason' FROM upr_event_outbox WHERE record_key = ? AND type = ?",
            String.class,
            id,
            DeadlineChanged.TYPE);
    assertThat(reasons)
        .contains(
            "review moved from WG session 42 to 54 by coordinator: postponed by the HRC President");
    String audit =
        mvc.perform(get("/api/reviews/" + id + "/audit").with(coordinator(walk.team())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Object>>read(audit, "$[?(@.outcome == 200)].action"))
        .contains("POST /api/reviews/{id}/move", "PUT /api/reviews/{reviewId}/review-day");

    // another review of the team is already in WG 54 ... and this one cannot go back to it twice
    ReviewWalk other = new ReviewWalk(engine, reviews, work, walk.team(), 56);
    move(other.review().id().toString(), "{\"session\":54}", coordinator(walk.team()))
        .andExpect(status().isConflict());
  }

  private ResultActions setReviewDay(String reviewId, String json, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        put("/api/reviews/" + reviewId + "/review-day")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions move(String reviewId, String json, RequestPostProcessor who)
      throws Exception {
    return postJson("/api/reviews/" + reviewId + "/move", json, who);
  }

  private void wantOptionalTasks(String team, String json) throws Exception {
    mvc.perform(
            put("/api/country-teams/" + team + "/optional-tasks")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  private String milestone(String team, String reviewId, String key, String field)
      throws Exception {
    String milestones =
        mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Object> values = JsonPath.read(milestones, "$[?(@.key == '" + key + "')]." + field);
    return values.isEmpty() ? null : String.valueOf(values.get(0));
  }
}
