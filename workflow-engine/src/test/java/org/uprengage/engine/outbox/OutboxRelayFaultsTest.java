package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprengage.testsupport.KafkaRecords.header;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.testsupport.KafkaRecords;

/**
 * The relay's faults on the real lease, database and broker: a relay node that freezes holding the
 * outbox's lease, and a row the broker keeps refusing.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxRelayFaultsTest extends EngineIntegrationTest {

  private static final Duration LEASE = Duration.ofSeconds(3);

  @Autowired ReviewWorkflow reviews;
  @Autowired TransactionTemplate transactions;
  @Autowired EventTopics topics;
  @Autowired ProducerFactory<String, String> producers;
  @Autowired OutboxHealth health;
  @Autowired MeterRegistry meters;

  /**
   * A second relay, as on another engine node, on the same lease as this context's relay; it
   * freezes in its first send, holding the lease, and stays frozen until the test thaws it.
   */
  @Test
  void aRelayFrozenHoldingTheLeaseLosesItOnceItRanOutAndTheOtherNodeGoesOnInOrder()
      throws Exception {
    FreezingKafka freezing = new FreezingKafka(producers);
    OutboxRelay otherNode =
        new OutboxRelay(
            jdbc,
            transactions,
            freezing,
            new OutboxRelay.Settings(
                "/upr-engage/workflow-engine",
                50,
                Duration.ofSeconds(1),
                LEASE,
                5,
                OutboxRelay.RELAY_LOCK));
    AtomicBoolean giveUp = new AtomicBoolean();
    AtomicReference<RuntimeException> afterThaw = new AtomicReference<>();
    ExecutorService node = Executors.newSingleThreadExecutor();
    try {
      Future<?> running =
          node.submit(
              () -> {
                while (freezing.frozen.getCount() > 0 && !giveUp.get()) {
                  try {
                    otherNode.publishBatch(); // 0 while this context's relay holds the lease
                  } catch (RuntimeException e) {
                    if (freezing.frozen.getCount() == 0) {
                      afterThaw.set(e); // the call that froze, once thawed
                    }
                  }
                }
              });
      // Both relays race for each review's events; start reviews until the other node wins one.
      Review held = null;
      for (int i = 0; i < 20 && freezing.frozen.getCount() > 0; i++) {
        String team = newCountryTeam();
        held = reviews.start(coordinatorOf(team), team, 41);
        freezing.frozen.await(1, TimeUnit.SECONDS);
      }
      giveUp.set(true);
      assertThat(freezing.frozen.getCount()).as("the other node froze holding the lease").isZero();

      String team = newCountryTeam();
      Review later = reviews.start(coordinatorOf(team), team, 41);
      String plan =
          taskIds(later.id().toString(), ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team))
              .get(0);
      act(plan, "claim", coordinator(team));
      act(plan, "unclaim", coordinator(team));
      act(plan, "claim", coordinator(team));

      Review frozenBatch = held;
      await()
          .atMost(LEASE.plusSeconds(20))
          .until(() -> unpublished(frozenBatch) == 0 && unpublished(later) == 0);
      assertThat(freezing.thawed.getCount()).as("still frozen when the events went out").isOne();

      freezing.thawed.countDown();
      running.get(30, TimeUnit.SECONDS);
      assertThat(afterThaw.get())
          .as("the thawed node sends its batch late (again) and marks what was published already")
          .isNull();

      assertInSequence(topics.tasks(), later, 4); // created, claimed, unclaimed, claimed
      assertInSequence(topics.tasks(), frozenBatch, 1);
    } finally {
      giveUp.set(true);
      freezing.thawed.countDown();
      node.shutdownNow();
    }
  }

  @Test
  void aRowTheBrokerKeepsRefusingIsParkedWhileOtherReviewsGoOnAndItsReviewWaits(
      CapturedOutput output) throws Exception {
    String stuck = UUID.randomUUID().toString();
    String tooLarge = "{\"x\":\"" + "a".repeat(2_000_000) + "\"}";
    long refused = outboxRow(stuck, "org.uprengage.review.started.v1", tooLarge);
    long behind = outboxRow(stuck, "org.uprengage.review.scheduled.v1", "{}");
    try {
      String team = newCountryTeam();
      Review other = reviews.start(coordinatorOf(team), team, 41);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "SELECT parked_at IS NOT NULL FROM upr_event_outbox WHERE position = ?",
                          Boolean.class,
                          refused)
                      && unpublished(other) == 0);

      assertThat(
              jdbc.queryForMap(
                  "SELECT attempts, last_error FROM upr_event_outbox WHERE position = ?", refused))
          .containsEntry("attempts", 5)
          .hasEntrySatisfying(
              "last_error", reason -> assertThat((String) reason).contains("RecordTooLarge"));
      assertThat(
              jdbc.queryForMap(
                  "SELECT attempts, published_at, parked_at FROM upr_event_outbox WHERE position = ?",
                  behind))
          .containsEntry("attempts", 0)
          .containsEntry("published_at", null)
          .containsEntry("parked_at", null);
      assertThat(KafkaRecords.withKey(topics.reviews(), stuck, 1, Duration.ofSeconds(2))).isEmpty();

      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.health().getDetails()).containsEntry("parked", 1L);
      assertThat(meters.get("upr.outbox.parked").gauge().value()).isEqualTo(1.0);
      // the probes are not told: a parked event is the operator's, not a reason to restart the node
      // or take it out of the load balancer
      mvc.perform(get("/livez")).andExpect(status().isOk());
      mvc.perform(get("/readyz")).andExpect(status().isOk());
      assertThat(output.getAll())
          .containsPattern("ERROR .*Outbox event .* parked after 5 attempts: .*RecordTooLarge");
    } finally {
      jdbc.update("DELETE FROM upr_event_outbox WHERE record_key = ?", stuck);
    }
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  /** The review's records on the topic: each event once at least, first seen in its sequence. */
  private void assertInSequence(String topic, Review review, int events) {
    List<ConsumerRecord<String, String>> records =
        KafkaRecords.withKey(topic, review.id().toString(), events, Duration.ofSeconds(20));
    Set<String> seen = new LinkedHashSet<>();
    List<Long> sequences = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      if (seen.add(header(record, "ce_id"))) {
        sequences.add(Long.valueOf(record.value().replaceFirst(".*\"sequence\":(\\d+).*", "$1")));
      }
    }
    assertThat(sequences).hasSize(events).isSorted();
  }

  private long outboxRow(String key, String type, String payload) {
    return jdbc.queryForObject(
        "INSERT INTO upr_event_outbox (event_id, topic, record_key, type, subject, occurred_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, now(), ?) RETURNING position",
        Long.class,
        UUID.randomUUID(),
        topics.reviews(),
        key,
        type,
        "reviews/" + key,
        payload);
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

  /** The real broker's template, but the first send waits until the test thaws it. */
  private static final class FreezingKafka extends KafkaTemplate<String, String> {

    final CountDownLatch frozen = new CountDownLatch(1);
    final CountDownLatch thawed = new CountDownLatch(1);

    FreezingKafka(ProducerFactory<String, String> producers) {
      super(producers);
    }

    @Override
    public CompletableFuture<SendResult<String, String>> send(
        ProducerRecord<String, String> record) {
      frozen.countDown();
      try {
        thawed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.send(record);
    }
  }
}
