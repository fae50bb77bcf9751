package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * This service's side of the event contract: its own records read the example of every event type
 * workflow-engine publishes (the JSON Schemas in workflow-engine's {@code events/schemas}, which
 * the engine's own contract test holds its events to), and find there every field they need.
 */
class EventContractTest {

  private static final Path SCHEMAS =
      Path.of("..", "workflow-engine", "src", "main", "resources", "events", "schemas");
  private static final ObjectMapper json = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyPublishedEventTypeIsReadByThisServicesRecords() throws IOException {
    List<Path> schemas;
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      schemas = files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList();
    }
    assertThat(schemas).hasSizeGreaterThan(10);
    return schemas.stream()
        .map(
            schema ->
                DynamicTest.dynamicTest(
                    schema.getFileName().toString(), () -> readsTheExamples(schema)));
  }

  @Test
  void theTypesThisServiceNamesAreAllPublished() {
    for (String type :
        List.of(
            TaskEvent.CREATED,
            TaskEvent.ASSIGNED,
            TaskEvent.UNCLAIMED,
            TaskEvent.COMPLETED,
            TaskEvent.CANCELLED,
            DeadlineEvent.APPROACHING,
            DeadlineEvent.MISSED,
            DeadlineEvent.CHANGED,
            ReviewEvent.STARTED,
            IncidentEvent.OPENED,
            ReviewEvent.RECOMMENDATIONS_ASSIGNED,
            PersonEvent.UPDATED)) {
      assertThat(SCHEMAS.resolve(type + ".schema.json")).as(type).exists();
    }
  }

  private static void readsTheExamples(Path schema) throws IOException {
    JsonNode document = json.readTree(schema.toFile());
    String type = document.get("title").asText();
    assertThat(document.path("examples")).isNotEmpty();
    for (JsonNode example : document.path("examples")) {
      if (type.startsWith(TaskEvent.TYPE_PREFIX)) {
        TaskEvent task = json.treeToValue(example, TaskEvent.class);
        task.requireComplete();
        assertThat(task.groups()).isNotEmpty();
        assertThat(task.sequence()).isPositive();
      } else if (type.startsWith(DeadlineEvent.TYPE_PREFIX)) {
        DeadlineEvent deadline = json.treeToValue(example, DeadlineEvent.class);
        deadline.requireComplete(type);
        assertThat(deadline.taskIds()).isNotEmpty();
      } else if (type.equals(IncidentEvent.OPENED)) {
        IncidentEvent incident = json.treeToValue(example, IncidentEvent.class);
        incident.requireComplete();
        assertThat(incident.processDefinitionKey()).isNotBlank();
      } else if (type.startsWith(ReviewEvent.TYPE_PREFIX)) {
        ReviewEvent review = json.treeToValue(example, ReviewEvent.class);
        review.requireComplete();
        if (!type.equals("org.uprengage.review.stage-entered.v1")
            && !type.equals("org.uprengage.review.handed-over.v1")) {
          assertThat(review.actor()).as("who acted, in " + type).isNotBlank();
        }
        if (type.equals(ReviewEvent.RECOMMENDATIONS_ASSIGNED)) {
          assertThat(review.assignedAgencies()).startsWith(review.leadAgency());
        }
      } else if (type.startsWith(PersonEvent.TYPE_PREFIX)) {
        PersonEvent person = json.treeToValue(example, PersonEvent.class);
        person.requireComplete();
        assertThat(person.countryTeams()).isNotEmpty();
      } else {
        throw new AssertionError("an event type this service does not know: " + type);
      }
    }
  }
}
