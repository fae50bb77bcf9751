package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * The deadline watch ({@code upr-deadline-watch}) on every task with a due date: reminders 14, 7
 * and 1 days before it, then an escalation to the coordinator; the task done or cancelled ends the
 * watch; a moved due date moves the watch, and no reminder comes twice. Session 42's drafts are due
 * 2 June 2022, 23:59 in Geneva (21:59 UTC).
 */
class DeadlineWatchProcessTest extends EngineIntegrationTest {

  private static final Instant DRAFTS_DUE = Instant.parse("2022-06-02T21:59:00Z");

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired DeadlinePlanner planner;

  @BeforeEach
  void atTheStartOfMay2022() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-05-01T09:00:00Z")));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void remindersComeFourteenSevenAndOneDayBeforeThenTheCoordinatorIsTold() {
    ReviewWalk walk = drafting("UNICEF");
    ProcessInstance watch = walk.running(DeadlineWatchProcess.PROCESS_KEY);
    double remindedBefore = metric("upr_deadline_alerts_total", "kind=\"approaching\"");
    double escalatedBefore = metric("upr_deadline_alerts_total", "kind=\"missed\"");

    for (int daysBefore : List.of(14, 7, 1)) {
      Job alert = walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT);
      assertThat(alert.getDuedate().toInstant())
          .isEqualTo(DRAFTS_DUE.minusSeconds(daysBefore * 86_400L));
      walk.fire(alert);
      assertThat(lastPayload(walk))
          .contains(
              "\"daysLeft\":" + daysBefore,
              "\"candidateGroups\":[\"UNICEF\"]",
              "\"milestone\":\"agencyDraftsDue\"");
    }
    Job deadline = walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT);
    assertThat(deadline.getDuedate().toInstant()).isEqualTo(DRAFTS_DUE);
    walk.fire(deadline);

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
    assertThat(watch).isEnded().hasPassed(DeadlineWatchProcess.END_DEADLINE_ESCALATED);
    assertThat(walk.timers(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)).isEmpty();

    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));
    assertThat(walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY))
        .isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Test
  void aTaskHandedInEarlyEndsItsWatchAndNobodyIsReminded() {
    ReviewWalk walk = drafting("UNDP", "UNICEF");
    assertThat(walk.timers(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)).hasSize(2);

    walk.complete(
        walk.focalPoint("UNDP"), ReviewProcess.TASK_DRAFT_AGENCY_SECTION, Map.of("text", "UNDP"));

    assertThat(walk.timers(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)).hasSize(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(walk.review().id().toString())
                .processDefinitionKey(DeadlineWatchProcess.PROCESS_KEY)
                .finished()
                .list())
        .extracting(watch -> watch.getEndActivityId())
        .containsExactly( // the plan's watch, then the UNDP draft's
            DeadlineWatchProcess.END_TASK_COMPLETED, DeadlineWatchProcess.END_TASK_COMPLETED);
    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF"));
    assertThat(walk.running(ReviewProcess.UN_SUBMISSION_PROCESS_KEY))
        .isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
    assertThat(deadlineEvents(walk)).isEmpty();
  }

  @Test
  void aCancelledTaskEndsItsWatch() {
    ReviewWalk walk = drafting("UNICEF");
    ProcessInstance watch = walk.running(DeadlineWatchProcess.PROCESS_KEY);

    engine.getRuntimeService().deleteProcessInstance(walk.root().getId(), "review withdrawn");

    assertThat(watch).isEnded().hasPassed(DeadlineWatchProcess.END_TASK_CANCELLED);
  }

  @Test
  void everyStageTaskIsWatchedTheSameWay() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));
    // "Brief recommending states" is due 4 January 2023: 28 days before the review day computed
    // while the timetable is not known (1 February, two working days before the session closes)
    Job first = walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT);
    assertThat(first.getDuedate().toInstant()).isEqualTo(Instant.parse("2022-12-21T22:59:00Z"));

    for (int reminder = 0; reminder < 4; reminder++) {
      walk.fire(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT));
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
    walk.fire(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)); // 14 days before, on 19 May

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 6, 30));

    assertThat(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-06-16T21:59:00Z"));
    walk.fire(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT));
    assertThat(lastPayload(walk)).contains("\"daysLeft\":14", "\"dueAt\":\"2022-06-30T21:59:00Z\"");
  }

  @Test
  void movingTheMilestoneEarlierThanEveryReminderLeavesOnlyTheDeadline() {
    ReviewWalk walk = drafting("UNICEF");

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 5, 1));

    assertThat(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-05-01T21:59:00Z"));
    walk.fire(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT));
    assertThat(deadlineEvents(walk)).containsExactly(DeadlineChanged.TYPE, DeadlineMissed.TYPE);
  }

  @Test
  void aTaskMovedLaterAfterItsEscalationIsWatchedAgain() {
    ReviewWalk walk = drafting("UNICEF");
    planner.move(
        walk.coordinator(),
        walk.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 5, 1));
    walk.fire(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)); // escalated
    assertThat(walk.timers(DeadlineWatchProcess.TIMER_DEADLINE_ALERT)).isEmpty();

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 5, 20));

    assertThat(walk.timer(DeadlineWatchProcess.TIMER_DEADLINE_ALERT).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-05-06T21:59:00Z")); // 14 days before the new date
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
