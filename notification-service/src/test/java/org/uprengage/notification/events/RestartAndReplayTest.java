package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * Exactly once, end to end, through the real broker: a consumer that crashed after handling a batch
 * and before committing its offsets gets the batch again, and every topic is replayed from the
 * beginning under a new consumer group; nobody is told anything twice.
 */
class RestartAndReplayTest extends NotificationIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(RestartAndReplayTest.class);
  private static final int BATCH = 20;

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, String> factory;
  @Autowired TaskEventHandler tasks;
  @Autowired DeadlineEventHandler deadlines;
  @Autowired ReviewEventHandler reviews;
  @Autowired ObjectMapper json;

  @Value("${spring.kafka.consumer.group-id}")
  String group;

  @Test
  void aConsumerThatCrashedBeforeCommittingItsOffsetsIsRedeliveredTheBatchAndNotifiesNobodyTwice()
      throws Exception {
    List<String> taskIds = new ArrayList<>();
    for (int i = 0; i < 2 * BATCH; i++) {
      taskIds.add(UUID.randomUUID().toString());
    }
    Map<TopicPartition, Long> beforeTheBatch = endOffsets(TASKS_TOPIC);
    for (String taskId : taskIds.subList(0, BATCH)) {
      kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNDP")));
    }
    kafka.flush();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> notificationsAbout(taskIds) == 2 * BATCH && lag(TASKS_TOPIC) == 0);

    // The crash: every handler's transaction committed, none of the offsets. The group is empty
    // once the listeners stop, so its offsets can be set back to where they were.
    listeners.stop();
    try (Admin admin = admin()) {
      admin
          .alterConsumerGroupOffsets(
              group,
              beforeTheBatch.entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
          .all()
          .get();
    }
    assertThat(lag(TASKS_TOPIC)).as("records to be delivered again").isGreaterThanOrEqualTo(BATCH);
    for (String taskId : taskIds.subList(BATCH, 2 * BATCH)) {
      kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNDP")));
    }
    kafka.flush();
    listeners.start();

    await("every record consumed again, and the new ones")
        .atMost(Duration.ofSeconds(60))
        .until(() -> lag(TASKS_TOPIC) == 0);
    await("exactly two notifications and two e-mails per task, for good")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                notificationsAbout(taskIds) == 4 * BATCH
                    && mailsAbout(taskIds).size() == 4 * BATCH);
    Map<String, Long> mailsPerTask =
        mailsAbout(taskIds).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(mailsPerTask)
        .hasSize(2 * BATCH)
        .allSatisfy((task, mails) -> assertThat(mails).isEqualTo(2));
    for (String taskId : taskIds) {
      assertThat(recipientsOf(taskId)).containsExactly("focal-undp", "head-undp");
    }
  }

  @Test
  void replayingEveryTopicFromTheBeginningUnderANewGroupSendsNothingTwice() throws Exception {
    UUID reviewId = UUID.randomUUID();
    kafka
        .send(
            cloudEvent(
                REVIEWS_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.review.started.v1",
                "{\"reviewId\":\"%s\",\"country\":\"GHA\",\"session\":\"49\"}".formatted(reviewId)))
        .get();
    for (int i = 0; i < 5; i++) {
      kafka.send(taskCreated(reviewId, UUID.randomUUID().toString(), List.of("UNICEF"))).get();
    }
    kafka.send(TASKS_TOPIC, reviewId.toString(), "{not a cloud event").get();
    String marker = UUID.randomUUID().toString();
    kafka.send(taskCreated(reviewId, marker, List.of("UNICEF"))).get();
    kafka
        .send(
            cloudEvent(
                DEADLINES_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.deadline.approaching.v1",
                """
                {"reviewId":"%s","sequence":9,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":7,
                 "countryTeam":"GHA","taskIds":["%s"],"candidateGroups":["UNICEF"],"assignees":[]}
                """
                    .formatted(reviewId, marker)))
        .get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM ns_notification WHERE task_id = ?",
                        Integer.class,
                        marker)
                    == 4); // offered, then reminded: two people each
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM ns_email WHERE status = 'pending' AND next_attempt_at <= now()",
                        Integer.class)
                    == 0);
    long records = recordsIn(TASKS_TOPIC, DEADLINES_TOPIC, REVIEWS_TOPIC);
    Map<String, Integer> before = counts();
    int mailsBefore = smtp.getReceivedMessages().length;

    Set<String> replayed = ConcurrentHashMap.newKeySet();
    ConcurrentMessageListenerContainer<String, String> replay =
        factory.createContainer(TASKS_TOPIC, DEADLINES_TOPIC, REVIEWS_TOPIC);
    replay.getContainerProperties().setGroupId("replay-" + UUID.randomUUID());
    replay.getContainerProperties().setClientId("replay");
    replay.setupMessageListener(
        (MessageListener<String, String>)
            record -> {
              try {
                IncomingEvent event = IncomingEvent.from(record, json);
                if (record.topic().equals(TASKS_TOPIC)) {
                  tasks.handle(event);
                } else if (record.topic().equals(DEADLINES_TOPIC)) {
                  deadlines.handle(event);
                } else {
                  reviews.handle(event);
                }
              } catch (PoisonEventException | DataAccessException parkedAlready) {
                // the records other tests sent to be parked: parked the first time round
              } finally {
                replayed.add(record.topic() + "/" + record.partition() + "/" + record.offset());
              }
            });
    replay.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> replayed.size() == records);
    } finally {
      replay.stop();
    }

    log.info("Replayed {} records", replayed.size());
    assertThat(records).isGreaterThanOrEqualTo(9);
    assertThat(counts()).isEqualTo(before);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> smtp.getReceivedMessages().length == mailsBefore);
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "notifications",
        jdbc.queryForObject("SELECT count(*) FROM ns_notification", Integer.class),
        "emails",
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_email WHERE notification_id IS NOT NULL", Integer.class),
        "webhook deliveries",
        jdbc.queryForObject("SELECT count(*) FROM ns_webhook_delivery", Integer.class),
        "processed events",
        jdbc.queryForObject("SELECT count(*) FROM ns_processed_event", Integer.class));
  }

  /** The end offset of each of the topic's partitions. */
  private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((partition, info) -> offsets.put(partition, info.offset()));
      return offsets;
    }
  }

  /** Records of the topic the service's consumer group has not committed yet. */
  private long lag(String topic) throws Exception {
    Map<TopicPartition, Long> end = endOffsets(topic);
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return end.entrySet().stream()
          .mapToLong(
              e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return e.getValue() - (at == null ? 0 : at.offset());
              })
          .sum();
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.<String, Object>of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.kafkaBootstrapServers()));
  }

  private int notificationsAbout(List<String> taskIds) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_notification WHERE task_id = ANY (?::text[])",
        Integer.class,
        (Object) taskIds.toArray(String[]::new));
  }

  /** The task id each received e-mail is about, one entry per e-mail. */
  private static List<String> mailsAbout(List<String> taskIds) {
    return Arrays.stream(smtp.getReceivedMessages())
        .map(GreenMailUtil::getBody)
        .flatMap(body -> taskIds.stream().filter(body::contains))
        .toList();
  }
}
