package org.uprengage.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * An incident of the platform's own type, opened on a task of a stage's sub-process (as a deadline
 * alert that keeps failing opens it): announced with the task in {@code taskId} and no job, as the
 * event's schema requires, and counted once by {@code upr.incidents.open} although the engine opens
 * it on the calling review's execution too.
 */
class TaskIncidentsTest extends EngineIntegrationTest {

  private static final String DEADLINE_ALERT_FAILED = "deadlineAlertFailed";
  private static final ObjectMapper json = new ObjectMapper();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aTasksIncidentNamesTheTaskNotAJobAndIsCountedOnceWithItsCallers() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    Task waiting = tasks.createTaskQuery().processInstanceBusinessKey(reviewId).list().get(0);
    double before = metric("upr_incidents_open");

    Incident incident =
        runtime.createIncident(
            DEADLINE_ALERT_FAILED, waiting.getExecutionId(), waiting.getId(), "alert failed");
    assertThat(runtime.createIncidentQuery().rootCauseIncidentId(incident.getId()).count())
        .as("the stage's incident and the review's, which calls the stage")
        .isEqualTo(2);
    assertThat(metric("upr_incidents_open")).isEqualTo(before + 1);

    awaitPublished(reviewId); // the relay numbers the event (its sequence) as it publishes it
    JsonNode announced =
        json.readTree(
            jdbc.queryForObject(
                "SELECT payload FROM upr_event_outbox WHERE record_key = ? AND type = ?",
                String.class,
                reviewId,
                IncidentOpened.TYPE));
    assertThat(schema().validate(announced)).as(announced.toString()).isEmpty();
    assertThat(announced.path("incidentType").asText()).isEqualTo(DEADLINE_ALERT_FAILED);
    assertThat(announced.path("taskId").asText()).isEqualTo(waiting.getId());
    assertThat(announced.has("jobId")).as("no job is involved").isFalse();
    assertThat(announced.path("activityId").asText()).isEqualTo(waiting.getTaskDefinitionKey());

    runtime.resolveIncident(incident.getId());
    assertThat(metric("upr_incidents_open")).isEqualTo(before);
  }

  @Test
  void theSchemaWantsAJobForAFailedJobAndATaskForAnyOtherType() throws Exception {
    ObjectNode failedJob =
        (ObjectNode)
            json.readTree(
                """
                {"reviewId":"5f0f7c1e-8f5e-4c39-9b8a-0e2f7a1d2c4b","sequence":3,"occurredAt":"2027-01-12T09:30:15.123Z",
                 "incidentId":"i-1","incidentType":"failedJob","processDefinitionKey":"upr-review","activityId":"Timer_X","jobId":"j-1"}
                """);
    assertThat(schema().validate(failedJob)).isEmpty();
    assertThat(schema().validate(failedJob.deepCopy().put("taskId", "t-1")))
        .as("a failed job's names no task")
        .isNotEmpty();
    ObjectNode taskOnly = failedJob.deepCopy();
    taskOnly.remove("jobId");
    taskOnly.put("taskId", "t-1");
    assertThat(schema().validate(taskOnly)).as("a failed job's names its job").isNotEmpty();
    ObjectNode alert = taskOnly.deepCopy().put("incidentType", DEADLINE_ALERT_FAILED);
    assertThat(schema().validate(alert)).isEmpty();
    assertThat(schema().validate(alert.deepCopy().put("jobId", "t-1")))
        .as("a task's incident carries no job id")
        .isNotEmpty();
    ObjectNode noTask = alert.deepCopy();
    noTask.remove("taskId");
    assertThat(schema().validate(noTask)).as("a task's incident names its task").isNotEmpty();
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in =
        new ClassPathResource("events/schemas/" + IncidentOpened.TYPE + ".schema.json")
            .getInputStream()) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
  }
}
