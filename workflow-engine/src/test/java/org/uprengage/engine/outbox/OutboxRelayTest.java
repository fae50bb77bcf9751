package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprengage.testsupport.KafkaRecords.header;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewStarted;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.testsupport.KafkaRecords;
import org.uprengage.testsupport.TestInfrastructure;

class OutboxRelayTest extends EngineIntegrationTest {

  @Autowired ReviewWorkflow reviews;
  @Autowired TransactionTemplate transactions;
  @Autowired EventTopics topics;
  @Autowired MeterRegistry meters;

  @Test
  void committedEventsReachKafkaAsCloudEventsKeyedByTheirReview() {
    String team = newCountryTeam();
    Review review = reviews.start(coordinatorOf(team), team, 41);

    List<ConsumerRecord<String, String>> started =
        KafkaRecords.withKey(topics.reviews(), review.id().toString(), 1, Duration.ofSeconds(20));
    List<ConsumerRecord<String, String>> created =
        KafkaRecords.withKey(topics.tasks(), review.id().toString(), 1, Duration.ofSeconds(20));

    assertThat(started)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(header(record, "ce_type")).isEqualTo(ReviewStarted.TYPE);
              assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
              assertThat(header(record, "ce_source")).isEqualTo("/upr-engage/workflow-engine");
              assertThat(header(record, "ce_subject")).isEqualTo("reviews/" + review.id());
              assertThat(header(record, "content-type")).isEqualTo("application/json");
              assertThat(record.value()).contains("\"sequence\":1", "\"country\":\"" + team + "\"");
            });
    assertThat(created)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(header(record, "ce_type")).isEqualTo("org.uprengage.task.created.v1");
              assertThat(header(record, "ce_id")).isNotBlank();
              assertThat(header(record, "ce_time")).isNotBlank();
              assertThat(record.value())
                  .contains("\"sequence\":2", "\"candidateGroups\":[\"coordinator\"]");
            });
  }

  @Test
  void aRolledBackTransactionLeavesNothingToPublish() {
    String team = newCountryTeam();
    UUID rolledBack =
        transactions.execute(
            status -> {
              Review review = reviews.start(coordinatorOf(team), team, 41);
              status.setRollbackOnly();
              return review.id();
            });
    Review committed = reviews.start(coordinatorOf(team), team, 42);

    assertThat(
            KafkaRecords.withKey(
                topics.reviews(), committed.id().toString(), 1, Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_event_outbox WHERE record_key = ?",
                Integer.class,
                rolledBack.toString()))
        .isZero();
    assertThat(
            KafkaRecords.withKey(topics.reviews(), rolledBack.toString(), 1, Duration.ofSeconds(1)))
        .isEmpty();
  }

  /**
   * The broker this context's relay publishes to stops (its listener closed: connections refused)
   * while tasks change and a review starts; the relay tries, fails and keeps every row; the broker
   * comes back; every event is then on its topic exactly once, in its review's order, as read after
   * a settling period.
   */
  @Test
  void aBrokerOutageOnlyDelaysDeliveryAndEveryEventGoesOutOnceInOrder() throws Exception {
    assumeTrue(TestInfrastructure.kafkaInProcess(), "only the in-process broker is stopped");
    String team = newCountryTeam();
    Review before = reviews.start(coordinatorOf(team), team, 41);
    await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(before) == 0);
    String plan =
        taskIds(before.id().toString(), ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team))
            .get(0);

    Review during;
    TestInfrastructure.stopKafka();
    try {
      act(plan, "claim", coordinator(team)).andExpect(status().isOk());
      act(plan, "unclaim", coordinator(team)).andExpect(status().isOk());
      act(plan, "claim", coordinator(team)).andExpect(status().isOk());
      during = reviews.start(coordinatorOf(team), team, 42);
      double failedBatches = failedBatches();
      // the relay tried the rows written during the outage, and the broker was not there
      await().atMost(Duration.ofSeconds(60)).until(() -> failedBatches() > failedBatches);
      assertThat(unpublished(before)).isEqualTo(3);
      assertThat(unpublished(during)).isEqualTo(outboxEvents(during).size());
    } finally {
      TestInfrastructure.startKafka();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> unpublished(before) == 0 && unpublished(during) == 0);
    for (Review review : List.of(before, during)) {
      for (String topic : List.of(topics.reviews(), topics.tasks(), topics.deadlines())) {
        List<String> expected =
            outboxEvents(review).stream()
                .filter(row -> row.get("topic").equals(topic))
                .map(row -> row.get("event_id").toString())
                .toList();
        // one more than expected, so the read lasts its whole settling period and sees any copy
        List<String> published =
            KafkaRecords.withKey(
                    topic, review.id().toString(), expected.size() + 1, Duration.ofSeconds(5))
                .stream()
                .map(record -> header(record, "ce_id"))
                .toList();
        assertThat(published).as("%s on %s", review.id(), topic).isEqualTo(expected);
      }
    }
    assertThat(outboxEvents(before))
        .hasSize(5); // started, task created, claimed, unclaimed, claimed
  }

  /**
   * The relay numbers a review's events in SQL, as it reads them: each gets the review's next
   * number (after what {@code upr_outbox_sequence} holds), in the order the rows were written, in
   * the row and in its payload's {@code sequence}: in the place the outbox left for it, the rest of
   * the payload as it was (a nested {@code "sequence":null} included), or added where a payload has
   * no such place. A row numbered before keeps its number.
   */
  @Test
  void eachEventOfAReviewGetsItsReviewsNextNumberInTheRowAndItsPayload() {
    String key = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO upr_outbox_sequence (record_key, last_sequence) VALUES (?, 5)", key);
    String placeholder =
        "{\"reviewId\":\"" + key + "\",\"sequence\":null,\"note\":{\"sequence\":null}}";
    long first = numberedRow(key, placeholder);
    long second = numberedRow(key, "{\"reviewId\":\"" + key + "\"}");
    long third = numberedRow(key, placeholder);

    List<ConsumerRecord<String, String>> sent =
        KafkaRecords.withKey(topics.reviews(), key, 3, Duration.ofSeconds(20));

    assertThat(sent)
        .extracting(ConsumerRecord::value)
        .containsExactly(
            "{\"reviewId\":\"" + key + "\",\"sequence\":6,\"note\":{\"sequence\":null}}",
            "{\"reviewId\": \"" + key + "\", \"sequence\": 7}",
            "{\"reviewId\":\"" + key + "\",\"sequence\":8,\"note\":{\"sequence\":null}}");
    assertThat(
            jdbc.queryForList(
                "SELECT sequence FROM upr_event_outbox WHERE position IN (?, ?, ?) ORDER BY position",
                Long.class,
                first,
                second,
                third))
        .containsExactly(6L, 7L, 8L);
    assertThat(
            jdbc.queryForObject(
                "SELECT last_sequence FROM upr_outbox_sequence WHERE record_key = ?",
                Long.class,
                key))
        .isEqualTo(8L);
  }

  private long numberedRow(String key, String payload) {
    return jdbc.queryForObject(
        "INSERT INTO upr_event_outbox (event_id, topic, record_key, numbered, type, subject,"
            + " occurred_at, payload) VALUES (?, ?, ?, TRUE, 'org.uprengage.test.v1', ?, now(), ?)"
            + " RETURNING position",
        Long.class,
        UUID.randomUUID(),
        topics.reviews(),
        key,
        "reviews/" + key,
        payload);
  }

  /** The review's outbox rows in its sequence: the order its events must keep on each topic. */
  private List<Map<String, Object>> outboxEvents(Review review) {
    return jdbc.queryForList(
        "SELECT event_id, topic FROM upr_event_outbox WHERE record_key = ?"
            + " ORDER BY sequence NULLS LAST, position",
        review.id().toString());
  }

  private double failedBatches() {
    return meters.get("upr.outbox.publish").tag("outcome", "failed").timer().count();
  }

  private int unpublished(Review review) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM upr_event_outbox WHERE record_key = ? AND published_at IS NULL",
        Integer.class,
        review.id().toString());
  }

  private static Caller coordinatorOf(String team) {
    return new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
  }
}
