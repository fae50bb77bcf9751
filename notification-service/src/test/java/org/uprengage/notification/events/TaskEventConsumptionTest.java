package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.testsupport.TestInfrastructure;

class TaskEventConsumptionTest extends NotificationIntegrationTest {

  @Autowired TaskEventHandler handler;

  @Test
  void everyoneInTheTaskGroupOfTheCountryTeamGetsOneInAppNotification() throws Exception {
    String taskId = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNICEF"))).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(recipientsOf(taskId)).containsExactly("focal-unicef", "head-unicef"));
    mvc.perform(
            get("/api/notifications")
                .with(
                    jwt()
                        .jwt(
                            t ->
                                t.subject("focal-unicef")
                                    .claim("preferred_username", "focal-unicef"))))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[?(@.taskId == '" + taskId + "')].title")
                .value("New task for your group: Draft the agency section"));
    mvc.perform(
            get("/api/notifications")
                .with(
                    jwt()
                        .jwt(
                            t ->
                                t.subject("focal-undp").claim("preferred_username", "focal-undp"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.taskId == '" + taskId + "')]").isEmpty());
  }

  @Test
  void aPersonReadsOneOrAllOfTheirNotifications() throws Exception {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), first, List.of("UNDP"))).get();
    kafka.send(taskCreated(UUID.randomUUID(), second, List.of("UNDP"))).get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> recipientsOf(first).size() == 2 && recipientsOf(second).size() == 2);
    var headUndp = jwt().jwt(t -> t.subject("head-undp").claim("preferred_username", "head-undp"));
    String id =
        jdbc.queryForObject(
            "SELECT id::text FROM ns_notification WHERE task_id = ? AND recipient = 'head-undp'",
            String.class,
            first);

    mvc.perform(post("/api/notifications/" + id + "/read").with(headUndp))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.readAt").exists());
    int unread =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_notification WHERE recipient = 'head-undp' AND in_app AND read_at IS NULL",
            Integer.class);
    assertThat(unread).isPositive(); // the second task's, at least
    mvc.perform(post("/api/notifications/read-all").with(headUndp))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.marked").value(unread));
    mvc.perform(get("/api/notifications").with(headUndp)).andExpect(jsonPath("$.unread").value(0));
    mvc.perform(
            post("/api/notifications/" + id + "/read")
                .with(
                    jwt()
                        .jwt(
                            t ->
                                t.subject("focal-undp").claim("preferred_username", "focal-undp"))))
        .andExpect(status().isNotFound());
  }

  @Test
  void eachPersonReadsTheNotificationInTheirLanguage() throws Exception {
    String taskId = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNDP"))).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> recipientsOf(taskId).size() == 2);
    assertThat(
            jdbc.queryForObject(
                "SELECT title FROM ns_notification WHERE task_id = ? AND recipient = 'focal-undp'",
                String.class,
                taskId))
        // focal-undp reads French, the task's name too
        .isEqualTo("Nouvelle tâche pour votre groupe : Rédiger la section de l'agence");
    assertThat(
            jdbc.queryForObject(
                "SELECT title FROM ns_notification WHERE task_id = ? AND recipient = 'head-undp'",
                String.class,
                taskId))
        .isEqualTo("New task for your group: Draft the agency section");
  }

  @Test
  void aRedeliveredEventNotifiesNobodyTwice() throws Exception {
    String taskId = UUID.randomUUID().toString();
    UUID reviewId = UUID.randomUUID();
    ProducerRecord<String, String> event = taskCreated(reviewId, taskId, List.of("UNDP"));
    kafka.send(event).get();
    kafka.send(event).get();
    // the same review, so the same partition: handled once both copies are
    String marker = UUID.randomUUID().toString();
    kafka.send(taskCreated(reviewId, marker, List.of("UNDP"))).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> !recipientsOf(marker).isEmpty());
    assertThat(recipientsOf(taskId)).containsExactly("focal-undp", "head-undp");
    assertThat(
            handler.handle(
                IncomingEvent.from(
                    new ConsumerRecord<>(TASKS_TOPIC, 0, 0, event.key(), event.value()) {
                      {
                        event.headers().forEach(h -> headers().add(h));
                      }
                    },
                    new ObjectMapper())))
        .isZero();
  }

  @Test
  void aPoisonEventIsParkedWithItsReasonAndTheRestGoOn() throws Exception {
    String poisonKey = UUID.randomUUID().toString();
    kafka.send(TASKS_TOPIC, poisonKey, "{not json").get(); // no CloudEvents headers either
    kafka
        .send(
            cloudEvent(
                poisonKey,
                UUID.randomUUID().toString(),
                "org.uprengage.task.created.v1",
                "{\"taskId\":\"only\"}"))
        .get();
    String taskId = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNICEF"))).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> recipientsOf(taskId).size() == 2);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "group.id", "dlt-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer",
                    "org.apache.kafka.common.serialization.StringDeserializer"))) {
      consumer.subscribe(List.of(TASKS_TOPIC + ".dlt"));
      List<String> reasons = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (ConsumerRecord<String, String> parked :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (poisonKey.equals(parked.key())) {
                    reasons.add(
                        new String(
                            parked.headers().lastHeader("kafka_dlt-exception-message").value(),
                            StandardCharsets.UTF_8));
                  }
                }
                return reasons.size() == 2;
              });
      assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("ce_specversion"));
      assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("needs reviewId"));
    }
  }
}
