package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/**
 * The deadline watch on each agency's draft: reminders 14, 7 and 1 days before the milestone, then
 * an escalation to the coordinator; completing the draft ends the watch; moving the milestone moves
 * the watch. Session 42's drafts are due 2 June 2022, 23:59 UTC.
 */
class DeadlineWatchProcessTest extends EngineIntegrationTest {

  private static final Instant DRAFTS_DUE = Instant.parse("2022-06-02T23:59:00Z");

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
    Drafting drafting = startDrafting("UNICEF");

    for (int daysBefore : List.of(14, 7, 1)) {
      Job watch = onlyWatch(drafting.instance());
      assertThat(watch.getDuedate().toInstant())
          .isEqualTo(DRAFTS_DUE.minusSeconds(daysBefore * 86_400L));
      fire(watch);
      assertThat(lastPayload(drafting.review()))
          .contains("\"daysLeft\":" + daysBefore, "\"candidateGroups\":[\"UNICEF\"]");
    }
    Job deadline = onlyWatch(drafting.instance());
    assertThat(deadline.getDuedate().toInstant()).isEqualTo(DRAFTS_DUE);
    fire(deadline);

    assertThat(outboxTypes(drafting.review().id().toString()))
        .filteredOn(type -> type.startsWith("org.uprengage.deadline."))
        .containsExactly(
            RaiseDeadlineAlertAdapter.DEADLINE_APPROACHING,
            RaiseDeadlineAlertAdapter.DEADLINE_APPROACHING,
            RaiseDeadlineAlertAdapter.DEADLINE_APPROACHING,
            RaiseDeadlineAlertAdapter.DEADLINE_MISSED);
    assertThat(lastPayload(drafting.review()))
        .contains("\"escalateTo\":[\"coordinator\"]", "\"daysLeft\":0");
    assertThat(drafting.instance())
        .hasPassed(ReviewProcess.END_DEADLINE_ESCALATED)
        .isWaitingAt(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    assertThat(watches(drafting.instance())).isEmpty();

    completeDraft(drafting, "UNICEF");
    assertThat(drafting.instance()).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Test
  void aDraftHandedInEarlyEndsItsWatchAndNobodyIsReminded() {
    Drafting drafting = startDrafting("UNDP", "UNICEF");
    assertThat(watches(drafting.instance())).hasSize(2);

    completeDraft(drafting, "UNDP");

    assertThat(watches(drafting.instance())).hasSize(1);
    completeDraft(drafting, "UNICEF");
    assertThat(drafting.instance()).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
    assertThat(outboxTypes(drafting.review().id().toString()))
        .noneMatch(type -> type.startsWith("org.uprengage.deadline."));
  }

  @Test
  void movingTheMilestoneLaterMovesTheWatchAndRemindersStartAgain() {
    Drafting drafting = startDrafting("UNICEF");
    fire(onlyWatch(drafting.instance())); // the 14-day reminder, on 19 May

    planner.move(
        coordinator(drafting),
        drafting.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 6, 30));

    assertThat(onlyWatch(drafting.instance()).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-06-16T23:59:00Z"));
    fire(onlyWatch(drafting.instance()));
    assertThat(lastPayload(drafting.review()))
        .contains("\"daysLeft\":14", "\"dueAt\":\"2022-06-30T23:59:00Z\"");
  }

  @Test
  void movingTheMilestoneEarlierThanEveryReminderLeavesOnlyTheDeadline() {
    Drafting drafting = startDrafting("UNICEF");

    planner.move(
        coordinator(drafting),
        drafting.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 5, 1));

    assertThat(onlyWatch(drafting.instance()).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-05-01T23:59:00Z"));
    fire(onlyWatch(drafting.instance()));
    assertThat(outboxTypes(drafting.review().id().toString()))
        .filteredOn(type -> type.startsWith("org.uprengage.deadline."))
        .containsExactly(
            DeadlinePlanner.DEADLINE_CHANGED, RaiseDeadlineAlertAdapter.DEADLINE_MISSED);
  }

  private Drafting startDrafting(String... agencies) {
    String team = newCountryTeam();
    Caller coordinator = new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
    Review review = reviews.start(coordinator, team, 42);
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(review.processInstanceId())
            .singleResult();
    String plan =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getId();
    work.claim(coordinator, plan);
    work.complete(coordinator, plan, Map.of("agencies", List.of(agencies)));
    return new Drafting(review, instance, team);
  }

  private void completeDraft(Drafting drafting, String agency) {
    Caller focalPoint =
        new Caller(
            "focal-" + agency.toLowerCase(),
            Set.of("focal-point"),
            agency,
            Set.of(drafting.team()));
    Task draft =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(drafting.instance().getId())
            .taskCandidateGroup(agency)
            .singleResult();
    work.claim(focalPoint, draft.getId());
    work.complete(focalPoint, draft.getId(), Map.of("text", agency + " section"));
  }

  private List<Job> watches(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(ReviewProcess.TIMER_DRAFT_DEADLINE_ALERT)
        .list();
  }

  private Job onlyWatch(ProcessInstance instance) {
    List<Job> watches = watches(instance);
    assertThat(watches).hasSize(1);
    return watches.get(0);
  }

  /** Moves the clock to the job's due time and runs it, as the job executor would. */
  private void fire(Job job) {
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  private String lastPayload(Review review) {
    return jdbc.queryForObject(
        "SELECT payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position DESC LIMIT 1",
        String.class,
        review.id().toString());
  }

  private static Caller coordinator(Drafting drafting) {
    return new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(drafting.team()));
  }

  private record Drafting(Review review, ProcessInstance instance, String team) {}
}
