package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * Reviews started on the first model version ({@code upr-review} with the submission inline and a
 * watch inside each agency's drafting) run on: their drafts are watched once, by their own timer,
 * which reminds and moves with its milestone.
 */
class FirstModelVersionTest extends EngineIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired DeadlinePlanner planner;
  @Autowired TaskDueDates dueDates;

  private Deployment legacy;

  @BeforeEach
  void atTheStartOfMay2022() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-05-01T09:00:00Z")));
  }

  @AfterEach
  void removeTheFirstVersionAgain() {
    ClockUtil.reset();
    if (legacy != null) {
      engine.getRepositoryService().deleteDeployment(legacy.getId(), true);
    }
  }

  @Test
  void aDraftOfTheFirstVersionIsWatchedOnceByItsOwnTimer() throws Exception {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    ProcessInstance instance = startOnTheFirstVersion(walk);
    Task plan = onlyTask(instance);
    work.claim(walk.coordinator(), plan.getId());
    work.complete(walk.coordinator(), plan.getId(), Map.of("agencies", List.of("UNICEF")));

    assertThat(instance).isWaitingAt("UserTask_DraftAgencySection", "Timer_DraftDeadlineAlert");
    assertThat(deadlineWatches.of(onlyTask(instance).getId())).isEmpty();
    Job watch = legacyWatch(instance);
    assertThat(watch.getDuedate().toInstant()).isEqualTo(Instant.parse("2022-05-19T21:59:00Z"));
    ClockUtil.setCurrentTime(watch.getDuedate());
    engine.getManagementService().executeJob(watch.getId());
    assertThat(lastPayload(walk))
        .contains("\"daysLeft\":14", "\"candidateGroups\":[\"UNICEF\"]", "agencyDraftsDue");

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        MilestoneOffsets.AGENCY_DRAFTS_DUE,
        LocalDate.of(2022, 6, 30));

    assertThat(legacyWatch(instance).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2022-06-16T21:59:00Z"));
    String draft = onlyTask(instance).getId();
    assertThatThrownBy(
            () -> dueDates.set(walk.coordinator(), draft, LocalDate.of(2022, 7, 1), null, null))
        .as("its own timer would keep the milestone's date: a task of it gets no date of its own")
        .isInstanceOf(Conflict.class);

    jdbc.update( // the review as it was recorded when it started on the first version
        "UPDATE upr_review SET process_instance_id = ? WHERE id = ?",
        instance.getId(),
        walk.review().id());
    mvc.perform(get("/api/reviews/" + walk.review().id()).with(coordinator(walk.team())))
        .andExpect(jsonPath("$.stage").value(ReviewProcess.STAGE_SUBMISSION))
        .andExpect(jsonPath("$.step").value("agency-drafting"));
  }

  private ProcessInstance startOnTheFirstVersion(ReviewWalk walk) throws Exception {
    try (InputStream model =
        getClass().getClassLoader().getResourceAsStream("legacy/upr-review-0.2.xml")) {
      legacy =
          engine
              .getRepositoryService()
              .createDeployment()
              .name("upr-review 0.2 (test)")
              .addInputStream("upr-review.bpmn", model)
              .deploy();
    }
    ProcessDefinition first =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(legacy.getId())
            .singleResult();
    return engine
        .getRuntimeService()
        .createProcessInstanceById(first.getId())
        .businessKey(walk.review().id().toString())
        .setVariable(ReviewProcess.VAR_REVIEW_ID, walk.review().id().toString())
        .setVariable(ReviewProcess.VAR_COUNTRY, walk.team())
        .setVariable(ReviewProcess.VAR_SESSION, 42)
        .execute();
  }

  private Task onlyTask(ProcessInstance instance) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .singleResult();
  }

  private Job legacyWatch(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId("Timer_DraftDeadlineAlert")
        .singleResult();
  }

  private String lastPayload(ReviewWalk walk) {
    return jdbc.queryForObject(
        "SELECT payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position DESC LIMIT 1",
        String.class,
        walk.review().id().toString());
  }
}
