package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.testsupport.KafkaRecords;

/**
 * An event that can never be processed is parked on its own topic's dead-letter topic with the
 * reason, and only there.
 */
class DeadLetterTopicsTest extends NotificationIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aPoisonRecordOnEachTopicIsParkedOnThatTopicsDeadLetterTopicWithItsReason() {
    String key = UUID.randomUUID().toString();
    double parkedBefore = metric("upr_dead_letters_total", "topic=\"" + TASKS_TOPIC + "\"");
    kafka.send(TASKS_TOPIC, key, "{not json"); // no CloudEvents headers either
    kafka.send(
        cloudEvent(
            DEADLINES_TOPIC,
            key,
            UUID.randomUUID().toString(),
            "org.uprengage.deadline.approaching.v1",
            "{\"reviewId\":\"%s\"}".formatted(UUID.randomUUID())));
    kafka.send(
        cloudEvent(
            REVIEWS_TOPIC,
            key,
            UUID.randomUUID().toString(),
            "org.uprengage.task.created.v1",
            "{\"reviewId\":\"%s\"}".formatted(UUID.randomUUID())));
    kafka.flush();

    assertParked(TASKS_TOPIC, key, "not a CloudEvents 1.0 record");
    assertParked(
        DEADLINES_TOPIC, key, "a deadline event needs reviewId, milestone and countryTeam");
    assertParked(REVIEWS_TOPIC, key, "not a review event: org.uprengage.task.created.v1");
    for (String topic : List.of(TASKS_TOPIC, DEADLINES_TOPIC, REVIEWS_TOPIC)) {
      assertThat(KafkaRecords.withKey(topic + ".dlt", key, 2, Duration.ofSeconds(2)))
          .as("one record parked on " + topic + ".dlt")
          .hasSize(1);
    }
    assertThat(metric("upr_dead_letters_total", "topic=\"" + TASKS_TOPIC + "\""))
        .isGreaterThanOrEqualTo(parkedBefore + 1);
  }

  @Test
  void anEventTheDatabaseRejectsAtEveryAttemptIsParkedAfterItsAttemptsAndTheRestGoOn()
      throws Exception {
    UUID reviewId = UUID.randomUUID();
    // PostgreSQL takes no NUL character in text: the same failure at every attempt
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                UUID.randomUUID().toString(),
                "\"taskKey\":\"Draft\\u0000\",\"candidateGroups\":[\"UNDP\"]"))
        .get();
    String next = UUID.randomUUID().toString();
    kafka.send(taskCreated(reviewId, next, List.of("UNDP"))).get();

    List<ConsumerRecord<String, String>> parked =
        KafkaRecords.withKey(TASKS_TOPIC + ".dlt", reviewId.toString(), 1, WAIT);
    assertThat(parked).hasSize(1);
    assertThat(KafkaRecords.header(parked.get(0), "kafka_dlt-exception-message")).contains("0x00");
    await().atMost(WAIT).until(() -> recipientsOf(next).size() == 2);
    assertThat(recipientsOf(next)).containsExactly("focal-undp", "head-undp");
  }

  private static void assertParked(String topic, String key, String reason) {
    List<ConsumerRecord<String, String>> parked =
        KafkaRecords.withKey(topic + ".dlt", key, 1, WAIT);
    assertThat(parked).as("parked from " + topic).hasSize(1);
    assertThat(KafkaRecords.header(parked.get(0), "kafka_dlt-exception-message")).contains(reason);
    assertThat(KafkaRecords.header(parked.get(0), "kafka_dlt-original-topic")).isEqualTo(topic);
  }
}
