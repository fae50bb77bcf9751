package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprengage.testsupport.KafkaRecords.header;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewStarted;
import org.uprengage.testsupport.KafkaRecords;

/**
 * Two commands of one review at the same time, on the real database and broker: neither waits for
 * the other's commit, both commit, and the review's events reach Kafka numbered 1, 2, 3, ... with
 * no gap and no number twice, each transaction's events in the order it wrote them.
 */
class ConcurrentReviewEventsTest extends EngineIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired EventOutbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired EventTopics topics;

  /** A marked event of the review: "review started" with the mark as who started it. */
  private static ReviewStarted step(String mark) {
    return new ReviewStarted("XX", 42, mark);
  }

  /**
   * The first transaction writes an event and waits, open, until the second has written one of the
   * same review and committed; then it writes another and commits. When writing an event held the
   * review's row to the commit, the second waited for the first and the first for the second.
   */
  @Test
  void aTransactionCommitsAnEventOfAReviewWhileAnotherOfThatReviewIsStillOpen() throws Exception {
    String team = newCountryTeam();
    UUID review = UUID.fromString(startReview(team, 42, coordinator(team)));
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch secondCommitted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first =
          threads.submit(
              () ->
                  transactions.execute(
                      status -> {
                        outbox.append(review, step("first-1"));
                        firstWrote.countDown();
                        boolean sawTheOther = waitFor(secondCommitted);
                        outbox.append(review, step("first-2"));
                        return sawTheOther;
                      }));
      Future<?> second =
          threads.submit(
              () -> {
                waitFor(firstWrote);
                transactions.executeWithoutResult(
                    status -> outbox.append(review, step("second-1")));
                secondCommitted.countDown();
              });
      second.get(30, TimeUnit.SECONDS);
      assertThat(first.get(30, TimeUnit.SECONDS))
          .as("the second committed while the first was still open")
          .isTrue();
    } finally {
      threads.shutdownNow();
    }

    Map<String, Long> steps = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : publishedInSequence(review, topics.reviews())) {
      String mark = JSON.readTree(record.value()).get("startedBy").asText();
      if (mark.startsWith("first-") || mark.startsWith("second-")) {
        steps.put(mark, sequence(record));
      }
    }
    assertThat(steps).containsOnlyKeys("first-1", "first-2", "second-1");
    assertThat(steps.get("first-1")).isLessThan(steps.get("first-2"));
  }

  /** Two focal points claim and unclaim their sections of one review from two threads at once. */
  @Test
  void twoPeopleChangingTasksOfOneReviewAtOnceBothCommitAndItsSequenceHasNoGap() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF", "UNDP");
    String unicef =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    String undp =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUndp(team)).get(0);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Integer>> first =
          threads.submit(() -> churn(unicef, focalUnicef(team), together));
      Future<List<Integer>> second = threads.submit(() -> churn(undp, focalUndp(team), together));
      assertThat(first.get(60, TimeUnit.SECONDS)).containsOnly(200);
      assertThat(second.get(60, TimeUnit.SECONDS)).containsOnly(200);
    } finally {
      threads.shutdownNow();
    }

    List<ConsumerRecord<String, String>> tasks =
        publishedInSequence(UUID.fromString(reviewId), topics.tasks());
    for (String task : List.of(unicef, undp)) {
      assertThat(
              tasks.stream()
                  .filter(record -> header(record, "ce_subject").endsWith("/tasks/" + task))
                  .map(record -> header(record, "ce_type").replaceAll(".*task\\.|\\.v1", ""))
                  .toList())
          .as("task %s's events in their sequence", task)
          .containsExactly("created", "claimed", "unclaimed", "claimed", "unclaimed", "claimed");
    }
  }

  /** Claims, unclaims and claims the task twice, each request started with the other thread's. */
  private List<Integer> churn(String task, RequestPostProcessor who, CyclicBarrier together)
      throws Exception {
    List<Integer> answers = new ArrayList<>();
    for (String action : List.of("claim", "unclaim", "claim", "unclaim", "claim")) {
      together.await(30, TimeUnit.SECONDS);
      answers.add(act(task, action, who).andReturn().getResponse().getStatus());
    }
    return answers;
  }

  /**
   * Waits until every event of the review is published, then checks that the outbox numbered them 1
   * to n, and returns the topic's records of the review, each event once, in the order Kafka holds
   * them, their numbers rising and the outbox's.
   */
  private List<ConsumerRecord<String, String>> publishedInSequence(UUID review, String topic)
      throws Exception {
    String key = review.toString();
    awaitPublished(key);
    Map<String, Long> numbers = new LinkedHashMap<>();
    jdbc.query(
        "SELECT event_id, sequence FROM upr_event_outbox WHERE record_key = ? ORDER BY sequence",
        rs -> {
          numbers.put(rs.getString(1), rs.getLong(2));
        },
        key);
    assertThat(List.copyOf(numbers.values()))
        .as("the review's sequence, gap-free from 1")
        .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());

    int onTopic =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_event_outbox WHERE record_key = ? AND topic = ?",
            Integer.class,
            key,
            topic);
    List<ConsumerRecord<String, String>> records =
        KafkaRecords.withKey(topic, key, onTopic, Duration.ofSeconds(20));
    Map<String, ConsumerRecord<String, String>> once = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      once.putIfAbsent(header(record, "ce_id"), record);
    }
    assertThat(once).hasSize(onTopic);
    long last = 0;
    for (ConsumerRecord<String, String> record : once.values()) {
      long sequence = sequence(record);
      assertThat(sequence).as("numbers rise in Kafka's order").isGreaterThan(last);
      assertThat(sequence).isEqualTo(numbers.get(header(record, "ce_id")));
      last = sequence;
    }
    return List.copyOf(once.values());
  }

  private static long sequence(ConsumerRecord<String, String> record) throws Exception {
    return JSON.readTree(record.value()).get("sequence").asLong();
  }

  private static boolean waitFor(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
