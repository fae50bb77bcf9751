package org.uprengage.engine.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/** Every path through {@code upr-review}, started and worked through the real entry points. */
class ReviewProcessTest extends EngineIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;

  @BeforeEach
  void assertionsOnThisEngine() {
    init(engine);
  }

  @Test
  void theCoordinatorPlansThenEachChosenAgencyDraftsItsSection() {
    String team = newCountryTeam();
    Caller coordinator = person("coordinator", Caller.COORDINATOR, null, team);
    ProcessInstance instance = instanceOf(reviews.start(coordinator, team, 42));

    assertThat(instance)
        .isStarted()
        .hasPassed(ReviewProcess.START_REVIEW_SCHEDULED)
        .isWaitingAt(ReviewProcess.TASK_PLAN_SUBMISSION);
    assertThat(instance).task().hasCandidateGroup(ReviewProcess.GROUP_COORDINATOR);
    assertThat(instance.getTenantId()).isEqualTo(team);
    String plan = onlyTask(instance).getId();
    work.claim(coordinator, plan);
    work.complete(coordinator, plan, Map.of("agencies", List.of("UNICEF", "UNDP", "UNFPA")));

    assertThat(instance)
        .isWaitingAt(ReviewProcess.TASK_DRAFT_AGENCY_SECTION)
        .variables()
        .containsEntry(ReviewProcess.VAR_AGENCIES, List.of("UNICEF", "UNDP", "UNFPA"));
    List<Task> drafts =
        engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(drafts)
        .hasSize(3)
        .allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo(team));
    for (String agency : List.of("UNICEF", "UNDP", "UNFPA")) {
      Caller focalPoint = person("focal-" + agency.toLowerCase(), "focal-point", agency, team);
      Task draft =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .taskCandidateGroup(agency)
              .singleResult();
      work.claim(focalPoint, draft.getId());
      work.complete(focalPoint, draft.getId(), Map.of("text", agency + " section"));
    }

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Test
  void aSubmissionWithASingleAgencyHasOneDraft() {
    String team = newCountryTeam();
    Caller coordinator = person("coordinator", Caller.COORDINATOR, null, team);
    ProcessInstance instance = instanceOf(reviews.start(coordinator, team, 42));
    String plan = onlyTask(instance).getId();
    work.claim(coordinator, plan);
    work.complete(coordinator, plan, Map.of("agencies", List.of("UNHCR")));

    Task draft = onlyTask(instance);
    assertThat(draft)
        .hasCandidateGroup("UNHCR")
        .hasDefinitionKey(ReviewProcess.TASK_DRAFT_AGENCY_SECTION);
    Caller focalPoint = person("focal-unhcr", "focal-point", "UNHCR", team);
    work.claim(focalPoint, draft.getId());
    work.complete(focalPoint, draft.getId(), Map.of("text", "UNHCR section"));

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  private ProcessInstance instanceOf(Review review) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(review.id().toString())
        .singleResult();
  }

  private Task onlyTask(ProcessInstance instance) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .singleResult();
  }

  private static Caller person(String username, String role, String agency, String team) {
    return new Caller(username, Set.of(role), agency, Set.of(team));
  }
}
