package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The foundation slice across the three services, each a separate JVM from its executable jar, on
 * real PostgreSQL and a real Kafka broker ({@link Platform}), driven through web-api as the demo
 * users.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class ReviewSliceIT {

  private static final String TASKS_TOPIC = Platform.TASKS_TOPIC;
  private static final ObjectMapper json = new ObjectMapper();
  private static String webApi;

  @BeforeAll
  static void startPlatform() throws Exception {
    webApi = Platform.get().webApi;
  }

  @Test
  void aReviewFlowsFromTheCoordinatorToEachAgencyAndOnToConsolidationAndOutOnKafka()
      throws Exception {
    Api coordinator = new Api(webApi, "coordinator", "demo");
    Api focalUnicef = new Api(webApi, "focal-unicef", "demo");
    Api focalUndp = new Api(webApi, "focal-undp", "demo");
    Api headUnicef = new Api(webApi, "head-unicef", "demo");

    new Api(webApi, "admin", "demo").addSessionAhead(61); // its deadlines all still to come
    Api.Response started = coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":61}");
    assertThat(started.status()).isEqualTo(201);
    String reviewId = started.body().get("id").asText();
    assertThat(started.location()).isEqualTo(webApi + "/api/reviews/" + reviewId);

    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    assertThat(coordinator.post("/api/tasks/" + plan + "/claim", null).status()).isEqualTo(200);
    assertThat(
            coordinator
                .post("/api/tasks/" + plan + "/complete", "{\"agencies\":[\"UNICEF\",\"UNDP\"]}")
                .status())
        .isEqualTo(204);

    String unicefTask = taskOf(focalUnicef, reviewId, "UserTask_DraftAgencySection");
    String undpTask = taskOf(focalUndp, reviewId, "UserTask_DraftAgencySection");
    assertThat(unicefTask).isNotEqualTo(undpTask);
    await("in-app notifications")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(notifiedTasks(focalUnicef)).contains(unicefTask);
              assertThat(notifiedTasks(focalUndp)).contains(undpTask).doesNotContain(unicefTask);
            });

    assertThat(focalUnicef.post("/api/tasks/" + unicefTask + "/claim", null).status())
        .isEqualTo(200);
    Api.Response second = headUnicef.post("/api/tasks/" + unicefTask + "/claim", null);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.contentType()).startsWith("application/problem+json");
    assertThat(second.body().get("detail").asText()).contains("focal-unicef");
    assertThat(
            focalUnicef
                .post("/api/tasks/" + unicefTask + "/complete", "{\"text\":\"UNICEF's section\"}")
                .status())
        .isEqualTo(204);
    assertThat(focalUndp.post("/api/tasks/" + undpTask + "/claim", null).status()).isEqualTo(200);
    assertThat(
            focalUndp
                .post("/api/tasks/" + undpTask + "/complete", "{\"text\":\"UNDP's section\"}")
                .status())
        .isEqualTo(204);

    Api.Response review = coordinator.get("/api/reviews/" + reviewId);
    assertThat(review.status()).isEqualTo(200);
    assertThat(review.body().get("stage").asText()).isEqualTo("submission");
    assertThat(review.body().get("step").asText()).isEqualTo("consolidation");
    assertThat(review.body().get("openTasks").get(0).get("stage").asText()).isEqualTo("submission");

    List<ConsumerRecord<byte[], byte[]>> events = taskEventsOf(reviewId, 10);
    assertThat(events)
        .allSatisfy(
            record -> {
              for (String header :
                  List.of(
                      "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time")) {
                assertThat(record.headers().lastHeader(header)).as(header).isNotNull();
              }
            });
    assertThat(events.stream().map(r -> header(r, "ce_type")).toList())
        .containsExactly(
            "org.uprengage.task.created.v1",
            "org.uprengage.task.claimed.v1",
            "org.uprengage.task.completed.v1",
            "org.uprengage.task.created.v1",
            "org.uprengage.task.created.v1",
            "org.uprengage.task.claimed.v1",
            "org.uprengage.task.completed.v1",
            "org.uprengage.task.claimed.v1",
            "org.uprengage.task.completed.v1",
            "org.uprengage.task.created.v1");
    List<Long> sequences = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : events) {
      sequences.add(json.readTree(record.value()).get("sequence").asLong());
    }
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
      CloudEvent event =
          sdk.deserialize(TASKS_TOPIC, events.get(0).headers(), events.get(0).value());
      assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
      assertThat(event.getType()).isEqualTo("org.uprengage.task.created.v1");
      assertThat(event.getSource().toString()).isEqualTo("/upr-engage/workflow-engine");
      assertThat(event.getDataContentType()).isEqualTo("application/json");
    }
  }

  private static String taskOf(Api who, String reviewId, String taskKey) {
    List<String> found = new ArrayList<>();
    await(taskKey + " for the caller")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Api.Response tasks = who.get("/api/tasks");
              assertThat(tasks.status()).isEqualTo(200);
              found.clear();
              for (JsonNode task : tasks.body().get("items")) {
                if (reviewId.equals(task.path("reviewId").asText())
                    && taskKey.equals(task.path("taskKey").asText())) {
                  found.add(task.get("id").asText());
                }
              }
              return found.size() == 1;
            });
    return found.get(0);
  }

  private static List<String> notifiedTasks(Api who) throws Exception {
    Api.Response inbox = who.get("/api/notifications?size=100");
    assertThat(inbox.status()).isEqualTo(200);
    List<String> tasks = new ArrayList<>();
    inbox.body().get("items").forEach(item -> tasks.add(item.path("taskId").asText()));
    return tasks;
  }

  /**
   * Reads the review's task events as any Kafka client would: raw bytes and headers, no project
   * code.
   */
  private static List<ConsumerRecord<byte[], byte[]>> taskEventsOf(String reviewId, int expected) {
    List<ConsumerRecord<byte[], byte[]>> events = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(),
                "group.id",
                "e2e-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TASKS_TOPIC));
      await("task events on Kafka")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(250))) {
                  if (reviewId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    events.add(record);
                  }
                }
                return events.size() >= expected;
              });
    }
    return events;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
