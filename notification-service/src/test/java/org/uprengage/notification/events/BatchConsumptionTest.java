package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.testsupport.KafkaRecords;

/**
 * A poll's events are handled in one transaction; a poison event among them is parked with its
 * reason, and the events before and after it are each delivered once, in their order.
 */
class BatchConsumptionTest extends NotificationIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired KafkaListenerEndpointRegistry listeners;

  @Test
  void poisonEventsInTheMiddleOfABatchAreParkedAndTheRestDeliveredExactlyOnce() throws Exception {
    UUID reviewId = UUID.randomUUID(); // one key: one partition, in this order
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    String third = UUID.randomUUID().toString();
    String fourth = UUID.randomUUID().toString();
    List<ProducerRecord<String, String>> batch =
        List.of(
            taskCreated(reviewId, first, List.of("UNDP")),
            taskCreated(reviewId, second, List.of("UNDP")),
            new ProducerRecord<>(TASKS_TOPIC, reviewId.toString(), "{not json"), // unreadable
            taskCreated(reviewId, third, List.of("UNDP")),
            // PostgreSQL takes no NUL character in text: fails in handling at every attempt
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                UUID.randomUUID().toString(),
                "\"taskKey\":\"Draft\\u0000\",\"candidateGroups\":[\"UNDP\"]"),
            taskCreated(reviewId, fourth, List.of("UNDP")),
            // the second task claimed after all that: its state is the claim, not the offer
            taskEvent(
                reviewId,
                "org.uprengage.task.claimed.v1",
                3,
                second,
                "\"taskKey\":\"UserTask_DraftAgencySection\",\"candidateGroups\":[\"UNDP\"],"
                    + "\"assignee\":\"focal-undp\",\"actor\":\"focal-undp\""));

    // the records wait on the topic while the listener is stopped, so its first poll brings them
    // all
    MessageListenerContainer container = listeners.getListenerContainer("task-events");
    container.stop();
    try {
      for (ProducerRecord<String, String> record : batch) {
        kafka.send(record).get();
      }
    } finally {
      container.start();
    }

    List<ConsumerRecord<String, String>> parked =
        KafkaRecords.withKey(TASKS_TOPIC + ".dlt", reviewId.toString(), 2, WAIT);
    assertThat(parked)
        .extracting(r -> KafkaRecords.header(r, "kafka_dlt-exception-message"))
        .satisfiesExactly(
            reason -> assertThat(reason).contains("not a CloudEvents 1.0 record"),
            reason -> assertThat(reason).contains("0x00"));
    await().atMost(WAIT).until(() -> processed(batch.get(batch.size() - 1)));
    await("each delivered event told its two people once, for good")
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .until(
            () ->
                List.of(first, second, third, fourth).stream()
                    .allMatch(task -> recipientsOf(task).size() == 2));
    for (String task : List.of(first, second, third, fourth)) {
      assertThat(recipientsOf(task)).as(task).containsExactly("focal-undp", "head-undp");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT assignee FROM ns_task WHERE task_id = ?", String.class, second))
        .isEqualTo("focal-undp");
    for (ProducerRecord<String, String> record : batch) {
      if (record.headers().lastHeader("ce_id") != null && !record.value().contains("\\u0000")) {
        assertThat(processed(record)).isTrue();
      }
    }
  }
}
