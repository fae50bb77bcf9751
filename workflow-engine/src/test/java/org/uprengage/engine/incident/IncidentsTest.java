package org.uprengage.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * An incident made on purpose: a job of a review's process whose expression cannot be resolved
 * fails, is tried again on the schedule ({@code failedJobRetryTimeCycle}, R5/PT5M), then becomes an
 * incident that is counted, announced in the review's events, listed to platform admins with its
 * error, and retried through the API once the cause is fixed.
 */
class IncidentsTest extends EngineIntegrationTest {

  private static final String DRILL = "incident-drill";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @BeforeEach
  void deployTheDrill() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(DRILL).count() == 0) {
      BpmnModelInstance model =
          Bpmn.createExecutableProcess(DRILL)
              .camundaHistoryTimeToLive(1)
              .startEvent("StartEvent_DrillStarted")
              .serviceTask("ServiceTask_FailOnPurpose")
              .camundaAsyncBefore()
              .camundaExpression("${failOnPurpose}")
              .endEvent("EndEvent_DrillDone")
              .done();
      repository.createDeployment().addModelInstance(DRILL + ".bpmn", model).deploy();
    }
  }

  @Test
  void aJobThatKeepsFailingIsRetriedOnTheScheduleThenListedAndRetriedThroughTheApi()
      throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 41, coordinator(team));
    double openBefore = metric("upr_incidents_open");
    ProcessInstance drill = runtime.startProcessInstanceByKey(DRILL, reviewId);
    String jobId =
        management.createJobQuery().processInstanceId(drill.getId()).singleResult().getId();

    Date before = ClockUtil.getCurrentTime();
    assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("failOnPurpose");
    Date after = ClockUtil.getCurrentTime();
    Job waiting = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(waiting.getRetries()).as("tries left after the first failure").isEqualTo(4);
    assertThat(waiting.getDuedate())
        .as("tried again 5 minutes later")
        .isBetween(
            plus(before, Duration.ofMinutes(5)), plus(after, Duration.ofMinutes(5)), true, true);
    assertThat(runtime.createIncidentQuery().processInstanceId(drill.getId()).count()).isZero();

    int failures = 1;
    while (management.createJobQuery().jobId(jobId).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(jobId));
      failures++;
    }
    assertThat(failures).as("tries before the incident").isEqualTo(5);
    String incidentId =
        runtime.createIncidentQuery().processInstanceId(drill.getId()).singleResult().getId();
    assertThat(metric("upr_incidents_open")).isEqualTo(openBefore + 1);
    assertThat(outboxTypes(reviewId)).contains(IncidentOpened.TYPE);
    Map<String, Object> announced =
        jdbc.queryForMap(
            "SELECT payload::json->>'incidentId' AS incident, payload::json->>'activityId' AS activity, payload::json->>'incidentType' AS type, payload::json->>'jobId' AS job, payload::json->>'taskId' AS task FROM upr_event_outbox WHERE record_key = ? AND type = ?",
            reviewId,
            IncidentOpened.TYPE);
    assertThat(announced)
        .containsEntry("incident", incidentId)
        .containsEntry("activity", "ServiceTask_FailOnPurpose")
        .containsEntry("type", "failedJob")
        .containsEntry("job", jobId)
        .containsEntry("task", null);

    Map<String, Object> mine = listedIncident(incidentId);
    assertThat(mine)
        .containsEntry("type", "failedJob")
        .containsEntry("reviewId", reviewId)
        .containsEntry("processDefinitionKey", DRILL)
        .containsEntry("activityId", "ServiceTask_FailOnPurpose")
        .containsEntry("jobId", jobId)
        .containsEntry("retryable", true);
    assertThat((String) mine.get("message")).contains("failOnPurpose");
    assertThat((String) mine.get("stacktrace")).contains("failOnPurpose");
    mvc.perform(get("/api/admin/incidents").with(coordinator(team)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/admin/incidents/" + incidentId + "/retry").with(coordinator(team)))
        .andExpect(status().isForbidden());
    assertThat(runtime.createIncidentQuery().incidentId(incidentId).count()).isOne();

    runtime.setVariable(drill.getId(), "failOnPurpose", true); // the fix
    mvc.perform(post("/api/admin/incidents/" + incidentId + "/retry").with(platformAdmin()))
        .andExpect(status().isAccepted());
    assertThat(runtime.createIncidentQuery().incidentId(incidentId).count()).isZero();
    assertThat(metric("upr_incidents_open")).isEqualTo(openBefore);
    Job again = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(again.getRetries()).isEqualTo(1);
    assertThat(again.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    assertThat(auditedIncidentRetries(reviewId))
        .as("the retry is in the review's audit trail")
        .isOne();

    management.executeJob(jobId);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(drill.getId()).count())
        .as("the process went on past the step that failed")
        .isZero();
    mvc.perform(post("/api/admin/incidents/" + incidentId + "/retry").with(platformAdmin()))
        .andExpect(status().isNotFound());
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }
}
