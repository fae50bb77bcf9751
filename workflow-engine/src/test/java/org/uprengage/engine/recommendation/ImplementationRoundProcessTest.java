package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.uprengage.engine.MovableClock;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.deadline.DeadlineApproaching;
import org.uprengage.engine.deadline.DeadlineMissed;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * An implementation round ({@code upr-implementation-round}) in a review's follow-up: it opens on
 * its timer every roundMonths after the HRC adoption (10 July 2023 in this walk: the first on 10
 * January 2024), one "Report progress" task per lead agency listing its recommendations, due 30
 * days later; the deadline watch reminds the agency and tells the coordinator once the day passed
 * (seen only in the events it raises); the agency reports, its head of office clears, the round
 * closes and the matrix shows the new status.
 */
class ImplementationRoundProcessTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text\n"
          + "121.1,Ratify the Convention (France);\n"
          + "121.2,Protect children online (Chile);\n"
          + "121.3,Fight poverty (Peru);\n";

  /** 10 January 2024 at the start of the day in Geneva. */
  private static final Instant FIRST_ROUND = Instant.parse("2024-01-09T23:00:00Z");

  /** 30 days later, 23:59 in Geneva. */
  private static final Instant FIRST_ROUND_DUE = Instant.parse("2024-02-09T22:59:00Z");

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired MovableClock movable;

  @BeforeEach
  void engineAsserts() {
    init(engine);
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
    movable.reset();
  }

  @Test
  void aRoundOpensOnItsTimerRemindsEscalatesAndClosesOnceTheAgencyReportedAndWasCleared()
      throws Exception {
    ReviewWalk walk = inFollowUp();
    String team = walk.team();
    String review = walk.review().id().toString();
    settings(team, "{\"progressClearance\":true}");

    Job opening = walk.timer(ImplementationRounds.TIMER_NEXT_ROUND);
    assertThat(opening.getDuedate().toInstant()).isEqualTo(FIRST_ROUND);
    fire(walk, opening);

    ProcessInstance round = walk.running(ImplementationRounds.PROCESS_KEY);
    assertThat(round).isWaitingAt(ImplementationRounds.TASK_REPORT_PROGRESS);
    List<Task> asked = walk.tasks(ImplementationRounds.TASK_REPORT_PROGRESS);
    assertThat(asked).hasSize(2);
    assertThat(asked)
        .allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(FIRST_ROUND_DUE));
    String unicefTask = taskOf(walk, "UNICEF");
    String undpTask = taskOf(walk, "UNDP");
    mvc.perform(get("/api/tasks/" + unicefTask).with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.candidateGroups", contains("UNICEF")))
        .andExpect(jsonPath("$.form[0].name").value("nothingChanged"))
        .andExpect(jsonPath("$.recommendations[*].paragraph", contains("121.1", "121.2")))
        .andExpect(jsonPath("$.recommendations[*].status", contains("not-started", "not-started")));
    mvc.perform(get("/api/tasks/" + undpTask).with(focalUndp(team)))
        .andExpect(jsonPath("$.recommendations[*].paragraph", contains("121.3")));

    at(FIRST_ROUND_DUE.minusSeconds(14 * 86_400L));
    walk.runDueJobs();
    raiseDueAlerts(walk);
    assertThat(deadlineEvents(review, DeadlineApproaching.TYPE, unicefTask))
        .singleElement()
        .satisfies(
            payload ->
                assertThat(payload)
                    .contains(
                        "\"daysLeft\":14",
                        "\"candidateGroups\":[\"UNICEF\"]",
                        "\"milestone\":\"implementationRound\""));
    assertThat(deadlineEvents(review, DeadlineMissed.TYPE, unicefTask)).isEmpty();

    at(FIRST_ROUND_DUE.plusSeconds(3_600));
    walk.runDueJobs();
    raiseDueAlerts(walk);
    assertThat(deadlineEvents(review, DeadlineMissed.TYPE, unicefTask))
        .singleElement()
        .satisfies(payload -> assertThat(payload).contains("\"escalateTo\":[\"coordinator\"]"));

    // Late, the agency reports: the task completes only once it reported in the round.
    act(unicefTask, "claim", focalUnicef(team));
    complete(unicefTask, "{}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nothingChanged"));
    complete(unicefTask, "{\"nothingChanged\":\"maybe\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nothingChanged"));
    complete(unicefTask, "{\"nothingChanged\":true}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nothingChanged"));
    complete(unicefTask, "{\"status\":\"implemented\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    String update =
        JsonPath.read(
            postJson(
                    oneOf(review, "121.2") + "/progress",
                    "{\"status\":\"implemented\",\"narrative\":\"Online safety law adopted\","
                        + "\"asOf\":\"2024-02-01\"}",
                    focalUnicef(team))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clearance").value("pending"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(get("/api/tasks/" + unicefTask).with(focalUnicef(team)))
        .andExpect(jsonPath("$.recommendations[1].roundUpdateId").value(update))
        .andExpect(jsonPath("$.recommendations[1].roundUpdateClearance").value("pending"));
    complete(unicefTask, "{}", focalUnicef(team)).andExpect(status().isNoContent());
    act(undpTask, "claim", focalUndp(team));
    complete(undpTask, "{\"nothingChanged\":\"yes\"}", focalUndp(team))
        .andExpect(status().isNoContent());

    // The head of office clears it: a task of its own, which waits for the decision.
    assertThat(round).isWaitingAt(ImplementationRounds.TASK_CLEAR_PROGRESS);
    Task clearance = walk.task(ImplementationRounds.TASK_CLEAR_PROGRESS);
    assertThat(clearance.getDueDate().toInstant())
        .isEqualTo(FIRST_ROUND_DUE.plusSeconds(7 * 86_400L));
    act(clearance.getId(), "claim", headUnicef(team));
    complete(clearance.getId(), "{}", headUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("clearance"));
    assertThat(statusIn(review, "121.2")).isEqualTo("not-started");
    postJson(
            oneOf(review, "121.2") + "/progress/" + update + "/clearance",
            "{\"decision\":\"clear\"}",
            headUnicef(team))
        .andExpect(status().isOk());
    complete(clearance.getId(), "{}", headUnicef(team)).andExpect(status().isNoContent());

    assertThat(round)
        .isEnded()
        .hasPassed(ImplementationRounds.TASK_CLEAR_PROGRESS, ImplementationRounds.END_ROUND_CLOSED);
    assertThat(walk.timer(ImplementationRounds.TIMER_NEXT_ROUND).getDuedate().toInstant())
        .as("the next round, six months after the first (summer time in Geneva)")
        .isEqualTo(Instant.parse("2024-07-09T22:00:00Z"));
    mvc.perform(
            get("/api/reviews/" + review + "/implementation-matrix?groupBy=agency")
                .with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.groups[?(@.heading == 'UNICEF')].recommendations[1].status")
                .value(contains("implemented")))
        .andExpect(
            jsonPath("$.groups[?(@.heading == 'UNICEF')].recommendations[1].latestNarrative")
                .value(contains("Online safety law adopted")));
  }

  @Test
  void anUpdateTheHeadOfOfficeReturnsSendsTheAgencyBackToReport() throws Exception {
    ReviewWalk walk = inFollowUp();
    String team = walk.team();
    String review = walk.review().id().toString();
    settings(team, "{\"progressClearance\":true}");
    fire(walk, walk.timer(ImplementationRounds.TIMER_NEXT_ROUND));
    String unicefTask = taskOf(walk, "UNICEF");
    String progress = oneOf(review, "121.1") + "/progress";
    String update =
        JsonPath.read(
            postJson(
                    progress,
                    "{\"status\":\"in-progress\",\"narrative\":\"Bill drafted\","
                        + "\"asOf\":\"2024-01-09\"}",
                    focalUnicef(team))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    act(unicefTask, "claim", focalUnicef(team));
    complete(unicefTask, "{}", focalUnicef(team)).andExpect(status().isNoContent());
    String clearance = walk.task(ImplementationRounds.TASK_CLEAR_PROGRESS).getId();
    postJson(
            progress + "/" + update + "/clearance",
            "{\"decision\":\"return\",\"comment\":\"Name the bill\"}",
            headUnicef(team))
        .andExpect(status().isOk());
    act(clearance, "claim", headUnicef(team));
    complete(clearance, "{}", headUnicef(team)).andExpect(status().isNoContent());

    String again = taskOf(walk, "UNICEF");
    assertThat(again).isNotEqualTo(unicefTask);
    act(again, "claim", focalUnicef(team));
    complete(again, "{\"nothingChanged\":\"yes\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nothingChanged"));
    postJson(
            progress,
            "{\"status\":\"in-progress\",\"narrative\":\"Bill 12 drafted\","
                + "\"asOf\":\"2024-01-09\"}",
            focalUnicef(team))
        .andExpect(status().isCreated());
    complete(again, "{}", focalUnicef(team)).andExpect(status().isNoContent());
    assertThat(walk.tasks(ImplementationRounds.TASK_CLEAR_PROGRESS)).hasSize(1);
  }

  @Test
  void noRoundIsScheduledAtOrAfterTheMidTermReportsTime() throws Exception {
    ReviewWalk walk = inFollowUp();
    String team = walk.team();
    fire(walk, walk.timer(ImplementationRounds.TIMER_NEXT_ROUND));
    // January 2024 plus 24 months is past the mid-term report (October 2025): no round after this.
    settings(team, "{\"roundMonths\":24}");

    for (String agency : List.of("UNICEF", "UNDP")) {
      var focalPoint = "UNICEF".equals(agency) ? focalUnicef(team) : focalUndp(team);
      String task = taskOf(walk, agency);
      act(task, "claim", focalPoint);
      complete(task, "{\"nothingChanged\":\"yes\"}", focalPoint).andExpect(status().isNoContent());
    }

    assertThat(walk.running("upr-follow-up")).hasPassed("EndEvent_RoundsDone");
    assertThat(walk.tasks(ImplementationRounds.TASK_REPORT_PROGRESS)).isEmpty();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(walk.running("upr-follow-up").getId())
                .activityId(ImplementationRounds.TIMER_NEXT_ROUND)
                .count())
        .as("no next round waits")
        .isZero();
  }

  @Test
  void theMidTermTimerOpensARoundDueSixtyDaysBeforeTheMidTermReport() {
    ReviewWalk walk = inFollowUp();
    walk.complete(walk.coordinator(), ReviewProcess.TASK_DISSEMINATE_RECOMMENDATIONS, Map.of());

    walk.fire(walk.timer(ReviewProcess.TIMER_MID_TERM_REPORT_DUE));

    Instant reportDue = Instant.parse("2025-10-21T21:59:00Z");
    assertThat(walk.task(ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT).getDueDate().toInstant())
        .isEqualTo(reportDue);
    List<Task> asked = walk.tasks(ImplementationRounds.TASK_REPORT_PROGRESS);
    assertThat(asked).hasSize(2);
    assertThat(asked)
        .allSatisfy(
            t ->
                assertThat(t.getDueDate().toInstant())
                    .isEqualTo(reportDue.minusSeconds(60 * 86_400L)));
  }

  @Test
  void changingRoundMonthsMovesTheNextRoundOfTheTeamsFollowUps() throws Exception {
    ReviewWalk walk = inFollowUp();
    assertThat(walk.timer(ImplementationRounds.TIMER_NEXT_ROUND).getDuedate().toInstant())
        .isEqualTo(FIRST_ROUND);

    settings(walk.team(), "{\"roundMonths\":3}");

    assertThat(walk.timer(ImplementationRounds.TIMER_NEXT_ROUND).getDuedate().toInstant())
        .as("10 October 2023, three months after the adoption")
        .isEqualTo(Instant.parse("2023-10-09T22:00:00Z"));
  }

  /**
   * A review of a new team through submission, review and adoption (HRC adoption 10 July 2023), in
   * its follow-up, with three recommendations imported: UNICEF leads on two, UNDP on one.
   */
  private ReviewWalk inFollowUp() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.submitWithUnicef();
    walk.reviewWith(250);
    walk.adopt();
    UUID review = walk.review().id();
    transactions.executeWithoutResult(
        status ->
            register.importList(walk.coordinator(), review, LIST.getBytes(StandardCharsets.UTF_8)));
    jdbc.update(
        "UPDATE upr_recommendation SET lead_agency = CASE WHEN paragraph = '121.3' THEN 'UNDP'"
            + " ELSE 'UNICEF' END WHERE review_id = ?",
        review);
    return walk;
  }

  private void settings(String team, String json) throws Exception {
    mvc.perform(
            put("/api/country-teams/" + team + "/implementation-settings")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  /** Moves both clocks, the engine's and the services', to {@code instant}. */
  private void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    movable.moveTo(instant);
  }

  private void fire(ReviewWalk walk, Job job) {
    movable.moveTo(job.getDuedate().toInstant());
    walk.fire(job);
  }

  private String taskOf(ReviewWalk walk, String agency) {
    return walk.tasks(ImplementationRounds.TASK_REPORT_PROGRESS).stream()
        .filter(
            t ->
                engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(link -> agency.equals(link.getGroupId())))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  /** The payloads of the review's deadline events of that type about the task. */
  private List<String> deadlineEvents(String review, String type, String taskId) {
    return jdbc.queryForList(
        "SELECT payload FROM upr_event_outbox WHERE record_key = ? AND type = ?"
            + " AND payload::text LIKE ? ORDER BY position",
        String.class,
        review,
        type,
        "%\"" + taskId + "\"%");
  }

  private String statusIn(String review, String paragraph) {
    return jdbc.queryForObject(
        "SELECT status FROM upr_recommendation WHERE review_id = ?::uuid AND paragraph = ?",
        String.class,
        review,
        paragraph);
  }
}
