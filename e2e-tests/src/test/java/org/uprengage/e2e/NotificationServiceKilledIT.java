package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.uprengage.testsupport.KafkaRecords;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * notification-service killed with SIGKILL in the middle of a burst of task events (no graceful
 * stop: whatever it handled and had not committed the offsets of is delivered again) and started
 * again from its jar: every event is handled once, each person is notified once per task (exact
 * counts, read after a settling period), nothing goes to the dead-letter topic.
 */
class NotificationServiceKilledIT {

  private static final int EVENTS = 400;
  private static final String DEAD_LETTERS = Platform.TASKS_TOPIC + ".dlt";

  @Test
  void killedInTheMiddleOfABurstItNotifiesEveryoneOnceAfterItStartsAgain() throws Exception {
    Platform platform = Platform.get();
    List<String> taskIds = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      taskIds.add(UUID.randomUUID().toString());
    }
    long deadLettersBefore = KafkaRecords.count(DEAD_LETTERS);

    // the burst goes on while the service is killed, and while it is away
    CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> publish(taskIds));
    await("the first notifications of the burst")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> notificationsAbout(taskIds) > 0);
    long atTheKill = notificationsAbout(taskIds);
    platform.killAndRestart("notification-service");
    burst.get();
    assertThat(atTheKill).as("killed in the middle of the burst").isLessThan(2L * EVENTS);

    await("every task's two notifications, and no more for five seconds")
        .atMost(Duration.ofSeconds(120))
        .during(Duration.ofSeconds(5))
        .until(() -> notificationsAbout(taskIds) == 2L * EVENTS);
    try (Connection db = notificationDatabase();
        PreparedStatement perTask =
            db.prepareStatement(
                "SELECT task_id, string_agg(recipient, ',' ORDER BY recipient) AS recipients,"
                    + " count(*) AS notifications FROM ns_notification"
                    + " WHERE task_id = ANY (?) GROUP BY task_id")) {
      perTask.setArray(1, db.createArrayOf("text", taskIds.toArray()));
      int tasks = 0;
      try (ResultSet rows = perTask.executeQuery()) {
        while (rows.next()) {
          tasks++;
          assertThat(rows.getString("recipients"))
              .as(rows.getString("task_id"))
              .isEqualTo("focal-undp,head-undp");
        }
      }
      assertThat(tasks).isEqualTo(EVENTS);
    }
    assertThat(KafkaRecords.count(DEAD_LETTERS))
        .as("records on " + DEAD_LETTERS)
        .isEqualTo(deadLettersBefore);
  }

  /** Task-created events as the engine publishes them, about 200 a second. */
  private static void publish(List<String> taskIds) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (String taskId : taskIds) {
        String review = UUID.randomUUID().toString();
        String data =
            """
            {"reviewId":"%s","sequence":2,"occurredAt":"%s","taskId":"%s","taskKey":"UserTask_DraftAgencySection",\
            "taskName":"Draft the agency section","countryTeam":"GHA","candidateGroups":["UNDP"]}"""
                .formatted(review, Instant.now(), taskId);
        ProducerRecord<String, String> record =
            new ProducerRecord<>(Platform.TASKS_TOPIC, review, data);
        Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/upr-engage/workflow-engine",
                "ce_type", "org.uprengage.task.created.v1",
                "ce_subject", "reviews/" + review,
                "ce_time", Instant.now().toString(),
                "content-type", "application/json")
            .forEach(
                (name, value) ->
                    record
                        .headers()
                        .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        producer.send(record);
        Thread.sleep(5);
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long notificationsAbout(List<String> taskIds) throws Exception {
    try (Connection db = notificationDatabase();
        PreparedStatement count =
            db.prepareStatement("SELECT count(*) FROM ns_notification WHERE task_id = ANY (?)")) {
      Array ids = db.createArrayOf("text", taskIds.toArray());
      count.setArray(1, ids);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static Connection notificationDatabase() throws Exception {
    return DriverManager.getConnection(
        TestInfrastructure.database("e2e_notification"),
        TestInfrastructure.postgres().user(),
        TestInfrastructure.postgres().password());
  }
}
