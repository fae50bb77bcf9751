package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.incident.IncidentOpened;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * The deadline watch of every task with a due date (a row of {@code upr_deadline_watch}): reminders
 * 14, 7 and 1 days before it, then an escalation to the coordinator; the task done or cancelled
 * ends the watch; a moved due date moves the watch, and no reminder comes twice; a watch another
 * node holds is skipped; watch processes started before the table are moved into it. Session 42's
 * drafts are due 2 June 2022, 23:59 in Geneva (21:59 UTC).
 */
class DeadlineWatchesTest extends EngineIntegrationTest {

  private static final Instant DRAFTS_DUE = Instant.parse("2022-06-02T21:59:00Z");

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired DeadlinePlanner planner;
  @Autowired DeadlineWatchPoller poller;
  @Autowired DeadlineWatchMigration migration;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void atTheStartOfMay2022() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-05-01T09:00:00Z")));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void remindersComeFourteenSevenAndOneDayBeforeThenTheCoordinatorIsTold() {
    ReviewWalk walk = drafting("UNICEF");
    String draft = walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION).getId();
    double remindedBefore = metric("upr_deadline_alerts_total", "kind=\"approaching\"");
    double escalatedBefore = metric("upr_deadline_alerts_total", "kind=\"missed\"");

    for (int daysBefore : List.of(14, 7, 1)) {
      DeadlineWatches.Watch watch = watch(walk);
      assertThat(watch.taskId()).isEqualTo(draft);
      assertThat(watch.nextAlertAt()).isEqualTo(DRAFTS_DUE.minusSeconds(daysBefore * 86_400L));
      assertThat(watch.nextAlertKind()).isEqualTo(DeadlineWatches.APPROACHING);
      fire(watch);
      assertThat(lastPayload(walk))
          .contains(
              "\"daysLeft\":" + daysBefore,
              "\"candidateGroups\":[\"UNICEF\"]",
              "\"milestone\":\"agencyDraftsDue\"");
    }
    DeadlineWatches.Watch deadline = watch(walk);
    assertThat(deadline.nextAlertAt()).isEqualTo(DRAFTS_DUE);
    assertThat(deadline.nextAlertKind()).isEqualTo(DeadlineWatches.MISSED);
    fire(deadline);

    assertThat(deadlineEvents(walk))
        .containsExactly(
            DeadlineApproaching.TYPE,
            DeadlineApproaching.TYPE,
            DeadlineApproaching.TYPE,
            DeadlineMissed.TYPE);
    assertThat(lastPayload(walk)).contains("\"escalateTo\":[\"coordinator\"]", "\"daysLeft\":0");
    assertThat(metric("upr_deadline_alerts_total", "kind=\"approaching\"") - remindedBefore)
        .isEqualTo(3);
    assertThat(metric("upr_deadline_alerts_total", "kind=\"missed\"") - escalatedBefore)
        .isEqualTo(1);
    assertThat(watches(walk)).as("the escalated watch ended").isEmpty();
    assertThat(poller.raiseDue(draft)).isFalse();

    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));
    assertThat(walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY).getId())
        .isEqualTo(walk.task(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION).getProcessInstanceId());
  }

  @Test
  void aTaskHandedInEarlyEndsItsWatchAndNobodyIsReminded() {
    ReviewWalk walk = drafting("UNDP", "UNICEF");
    assertThat(watches(walk)).hasSize(2);

    walk.complete(
        walk.focalPoint("UNDP"), ReviewProcess.TASK_DRAFT_AGENCY_SECTION, Map.of("text", "UNDP"));

    assertThat(watches(walk))
        .extracting(DeadlineWatches.Watch::taskId)
        .containsExactly(walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION).getId());
    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF"));
    assertThat(watches(walk))
        .extracting(DeadlineWatches.Watch::milestone)
        .containsExactly(MilestoneOffsets.CONSOLIDATION); // the next task's own watch
    assertThat(deadlineEvents(walk)).isEmpty();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(DeadlineWatchProcess.PROCESS_KEY)
                .processInstanceBusinessKey(walk.review().id().toString())
                .count())
        .as("no watch process any more")
        .isZero();
  }

  @Test
  void aCancelledTaskEndsItsWatch() {
    ReviewWalk walk = drafting("UNICEF");
    assertThat(watches(walk)).hasSize(1);

    engine.getRuntimeService().deleteProcessInstance(walk.root().getId(), "review withdrawn");

    assertThat(watches(walk)).isEmpty();
  }

  @Test
  void everyStageTaskIsWatchedTheSameWay() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));
    // "Brief recommending states" is due 4 January 2023: 28 days before the review day computed
    // while the timetable is not known (1 February, two working days before the session closes)
    assertThat(watch(walk).nextAlertAt()).isEqualTo(Instant.parse("2022-12-21T22:59:00Z"));

    for (int reminder = 0; reminder < 4; reminder++) {
      fire(watch(walk));
    }

    assertThat(deadlineEvents(walk))
        .endsWith(
            DeadlineApproaching.TYPE,
            DeadlineApproaching.TYPE,
            DeadlineApproaching.TYPE,
            DeadlineMissed.TYPE);
    assertThat(lastPayload(walk))
        .contains(
            "\"milestone\":\"briefings\"",
            "\"taskName\":\"Brief recommending states\"",
            "\"candidateGroups\":[\"coordinator\"]",
            "\"escalateTo\":[\"coordinator\"]");
  }

  @Test
  void movingTheMilestoneLaterMovesTheWatchAndRemindersStartAgain() {
    ReviewWalk walk = drafting("UNICEF");
    fire(watch(walk)); // 14 days before, on 19 May

    moveDraftsDue(walk, LocalDate.of(2022, 6, 30));

    assertThat(watch(walk).nextAlertAt()).isEqualTo(Instant.parse("2022-06-16T21:59:00Z"));
    fire(watch(walk));
    assertThat(lastPayload(walk)).contains("\"daysLeft\":14", "\"dueAt\":\"2022-06-30T21:59:00Z\"");
  }

  @Test
  void movingTheMilestoneEarlierThanEveryReminderLeavesOnlyTheDeadline() {
    ReviewWalk walk = drafting("UNICEF");

    moveDraftsDue(walk, LocalDate.of(2022, 5, 1));

    assertThat(watch(walk).nextAlertAt()).isEqualTo(Instant.parse("2022-05-01T21:59:00Z"));
    assertThat(watch(walk).nextAlertKind()).isEqualTo(DeadlineWatches.MISSED);
    fire(watch(walk));
    assertThat(deadlineEvents(walk)).containsExactly(DeadlineChanged.TYPE, DeadlineMissed.TYPE);
  }

  @Test
  void aTaskMovedLaterAfterItsEscalationIsWatchedAgain() {
    ReviewWalk walk = drafting("UNICEF");
    moveDraftsDue(walk, LocalDate.of(2022, 5, 1));
    fire(watch(walk)); // escalated
    assertThat(watches(walk)).isEmpty();

    moveDraftsDue(walk, LocalDate.of(2022, 5, 20));

    assertThat(watch(walk).nextAlertAt())
        .isEqualTo(Instant.parse("2022-05-06T21:59:00Z")); // 14 days before the new date
  }

  @Test
  void aWatchAnotherNodeHoldsIsSkippedAndItsAlertRaisedOnce() throws Exception {
    ReviewWalk walk = drafting("UNICEF");
    DeadlineWatches.Watch watch = watch(walk);
    ClockUtil.setCurrentTime(Date.from(watch.nextAlertAt()));
    TransactionTemplate otherNode = new TransactionTemplate(transactionManager);

    Boolean skippedWhileHeld =
        otherNode.execute(
            status -> {
              assertThat(deadlineWatches.takeDue(watch.taskId(), watch.nextAlertAt())).isPresent();
              // this node polls while the other holds the watch: it must not wait nor raise
              return CompletableFuture.supplyAsync(() -> poller.raiseDue(watch.taskId())).join();
            });

    assertThat(skippedWhileHeld).isFalse();
    assertThat(deadlineEvents(walk)).isEmpty();
    assertThat(poller.raiseDue(watch.taskId())).isTrue();
    assertThat(poller.raiseDue(watch.taskId())).isFalse();
    assertThat(deadlineEvents(walk)).containsExactly(DeadlineApproaching.TYPE);
  }

  @Test
  void aWatchProcessStartedBeforeTheTableIsMovedIntoItAndEnded() {
    ReviewWalk walk = drafting("UNICEF");
    Task draft = walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    deadlineWatches.unwatch(draft.getId()); // as it was: watched by a process of its own
    ProcessInstance process =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey(DeadlineWatchProcess.PROCESS_KEY)
            .processDefinitionWithoutTenantId()
            .businessKey(walk.review().id().toString())
            .setVariable(DeadlineWatchProcess.VAR_TASK_ID, draft.getId())
            .setVariable(DeadlineWatchProcess.VAR_TASK_NAME, draft.getName())
            .setVariable(ReviewProcess.VAR_REVIEW_ID, walk.review().id().toString())
            .setVariable(ReviewProcess.VAR_COUNTRY, walk.review().country())
            .setVariable(DeadlineWatchProcess.VAR_MILESTONE, MilestoneOffsets.AGENCY_DRAFTS_DUE)
            .setVariable(DeadlineWatchProcess.VAR_DUE_DATE, Date.from(DRAFTS_DUE))
            .execute();
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(process.getId())
            .timers()
            .singleResult();
    walk.fire(timer); // the 14 days' reminder, raised by the process
    assertThat(deadlineEvents(walk)).containsExactly(DeadlineApproaching.TYPE);

    assertThat(migration.moveAll()).isEqualTo(1);

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(process.getId())
                .count())
        .isZero();
    DeadlineWatches.Watch moved = watch(walk);
    assertThat(moved.taskId()).isEqualTo(draft.getId());
    assertThat(moved.dueAt()).isEqualTo(DRAFTS_DUE);
    assertThat(moved.nextAlertAt()).isEqualTo(DRAFTS_DUE.minusSeconds(7 * 86_400L));
    assertThat(moved.milestone()).isEqualTo(MilestoneOffsets.AGENCY_DRAFTS_DUE);
    fire(moved);
    assertThat(deadlineEvents(walk))
        .containsExactly(DeadlineApproaching.TYPE, DeadlineApproaching.TYPE);
    assertThat(lastPayload(walk)).contains("\"daysLeft\":7");
    assertThat(migration.moveAll()).isZero();
  }

  @Test
  void anAlertThatKeepsFailingOpensOneIncidentIsNotTriedWhileOpenAndIsRetriedThroughTheApi()
      throws Exception {
    ReviewWalk walk = drafting("UNICEF");
    String reviewId = walk.review().id().toString();
    Task draft = walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    double openBefore = metric("upr_incidents_open");
    Incident incident = failUntilItsIncidentOpens(walk, draft);
    assertThat(incident.getExecutionId()).isEqualTo(draft.getExecutionId());
    assertThat(incident.getIncidentMessage()).contains("failOnPurpose", draft.getId());
    long withItsCallers = // the engine opens it on each calling process's execution too
        engine
            .getRuntimeService()
            .createIncidentQuery()
            .rootCauseIncidentId(incident.getId())
            .count();
    assertThat(withItsCallers).isGreaterThan(1);
    assertThat(metric("upr_incidents_open")).as("counted once").isEqualTo(openBefore + 1);
    assertThat(
            jdbc.queryForMap(
                "SELECT payload::json->>'incidentId' AS incident, payload::json->>'activityId' AS activity, payload::json->>'taskId' AS task, payload::json->>'jobId' AS job FROM upr_event_outbox WHERE record_key = ? AND type = ?",
                reviewId,
                IncidentOpened.TYPE))
        .containsEntry("incident", incident.getId())
        .containsEntry("activity", ReviewProcess.TASK_DRAFT_AGENCY_SECTION)
        .containsEntry("task", draft.getId())
        .containsEntry("job", null);
    assertThat(deadlineEvents(walk)).as("no alert went out").isEmpty();

    Map<String, Object> mine = listedIncident(incident.getId());
    assertThat(mine)
        .containsEntry("type", DeadlineAlertIncidents.TYPE)
        .containsEntry("reviewId", reviewId)
        .containsEntry("activityId", ReviewProcess.TASK_DRAFT_AGENCY_SECTION)
        .containsEntry("retryable", true);
    assertThat((String) mine.get("message")).contains("failOnPurpose", draft.getName());

    ClockUtil.setCurrentTime(Date.from(watch(walk).nextAlertAt().plusSeconds(86_400)));
    assertThat(poller.raiseDue(draft.getId())).as("not tried while its incident is open").isFalse();
    poller.raiseDue(); // a node's poll: every watch due but this one
    assertThat(watch(walk).failures()).isEqualTo(DeadlineWatchPoller.DEFAULT_ATTEMPTS);
    assertThat(alertIncidents(draft.getId())).hasSize(1);

    mvc.perform(post("/api/admin/incidents/" + incident.getId() + "/retry").with(platformAdmin()))
        .andExpect(status().isAccepted());
    assertThat(alertIncidents(draft.getId())).isEmpty();
    assertThat(metric("upr_incidents_open")).isEqualTo(openBefore);
    assertThat(watch(walk).failures()).isZero();
    assertThat(watch(walk).nextAlertAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(auditedIncidentRetries(reviewId))
        .as("the retry is in the review's audit trail")
        .isOne();

    assertThat(poller.raiseDue(draft.getId())).isTrue();
    assertThat(deadlineEvents(walk)).as("raised once, after the fix").hasSize(1);
    assertThat(watch(walk).failures()).isZero();
    assertThat(poller.raiseDue(draft.getId())).isFalse();
    mvc.perform(post("/api/admin/incidents/" + incident.getId() + "/retry").with(platformAdmin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aDeadlineAlertIsTriedAsOftenAsTheEngineTriesAFailedJob() {
    assertThat(DeadlineWatchPoller.attempts("R5/PT5M")).isEqualTo(5);
    assertThat(DeadlineWatchPoller.attempts("R24/PT1H")).isEqualTo(24);
    assertThat(DeadlineWatchPoller.attempts("PT5M,PT30M,PT2H"))
        .isEqualTo(ParseUtil.parseRetryIntervals("PT5M,PT30M,PT2H").getRetries());
    assertThat(DeadlineWatchPoller.attempts(null)).isEqualTo(5);
  }

  @Test
  void aTaskDoneWhileItsAlertsIncidentIsOpenEndsItsWatchAndItsIncident() throws Exception {
    ReviewWalk walk = drafting("UNICEF");
    Task draft = walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    Incident incident = failUntilItsIncidentOpens(walk, draft);

    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));

    assertThat(deadlineWatches.of(draft.getId())).isEmpty();
    assertThat(alertIncidents(draft.getId())).as("closed with the task's step").isEmpty();
    assertThat(
            engine.getRuntimeService().createIncidentQuery().incidentId(incident.getId()).count())
        .isZero();
    mvc.perform(post("/api/admin/incidents/" + incident.getId() + "/retry").with(platformAdmin()))
        .andExpect(status().isNotFound());
    assertThat(deadlineEvents(walk)).isEmpty();
  }

  /**
   * Makes the draft's deadline alert fail as often as a failed job is tried, as a node's poller
   * tries it: no incident before the last failure, then one.
   */
  private Incident failUntilItsIncidentOpens(ReviewWalk walk, Task draft) {
    failDeadlineAlertsOf(walk.review().id().toString());
    try {
      for (int failures = 1; failures <= DeadlineWatchPoller.DEFAULT_ATTEMPTS; failures++) {
        assertThat(alertIncidents(draft.getId())).as("no incident before the last try").isEmpty();
        ClockUtil.setCurrentTime(Date.from(watch(walk).nextAlertAt()));
        assertThat(poller.raiseDue(draft.getId())).isTrue();
        assertThat(watch(walk).failures()).isEqualTo(failures);
      }
    } finally {
      jdbc.execute("DROP TRIGGER IF EXISTS upr_fail_on_purpose ON upr_event_outbox");
    }
    List<Incident> incidents = alertIncidents(draft.getId());
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }

  /** Makes every deadline alert of the review fail, in the database, until the trigger is gone. */
  private void failDeadlineAlertsOf(String reviewId) {
    jdbc.execute(
        """
        CREATE OR REPLACE FUNCTION upr_fail_on_purpose() RETURNS trigger AS $$
        BEGIN
          IF NEW.record_key = '%s' AND NEW.type LIKE 'org.uprengage.deadline.%%' THEN
            RAISE EXCEPTION 'failOnPurpose: deadline alerts of this review are refused';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """
            .formatted(reviewId));
    jdbc.execute(
        "CREATE TRIGGER upr_fail_on_purpose BEFORE INSERT ON upr_event_outbox"
            + " FOR EACH ROW EXECUTE FUNCTION upr_fail_on_purpose()");
  }

  private List<Incident> alertIncidents(String taskId) {
    return engine
        .getRuntimeService()
        .createIncidentQuery()
        .incidentType(DeadlineAlertIncidents.TYPE)
        .configuration(taskId)
        .list();
  }

  /** A review of session 42 whose coordinator chose these agencies: their drafts are open. */
  private ReviewWalk drafting(String... agencies) {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    // the plan itself was due on 5 May 2022: hand it in before its own watch fires
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_PLAN_SUBMISSION,
        Map.of("agencies", List.of(agencies)));
    return walk;
  }

  /** The coordinator moves the review's agency drafts' milestone. */
  private void moveDraftsDue(ReviewWalk walk, LocalDate dueOn) {
    planner.move(walk.coordinator(), walk.review().id(), MilestoneOffsets.AGENCY_DRAFTS_DUE, dueOn);
  }

  private List<String> deadlineEvents(ReviewWalk walk) {
    return outboxTypes(walk.review().id().toString()).stream()
        .filter(type -> type.startsWith("org.uprengage.deadline."))
        .toList();
  }

  private String lastPayload(ReviewWalk walk) {
    return jdbc.queryForObject(
        "SELECT payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position DESC LIMIT 1",
        String.class,
        walk.review().id().toString());
  }
}
