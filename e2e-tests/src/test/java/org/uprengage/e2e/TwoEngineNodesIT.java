package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.uprengage.testsupport.KafkaRecords;
import org.uprengage.testsupport.Metrics;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The platform as it runs beyond one machine: two web-api processes, each in front of its own
 * workflow-engine node, the nodes one Camunda cluster on one database and one broker. Requests go
 * to both web-apis in turn, and each web-api and each engine node serves some; fifteen tasks
 * overdue from the start are each escalated exactly once; both nodes raise deadline alerts (each
 * polls the deadline watches, taking one at a time, so the work is split); the second node is
 * killed (SIGKILL) mid-run, once it has raised alerts and while more are to come, and that loses
 * nothing: every escalation still happens once, the first node runs the rest, and every event of
 * each review reaches Kafka in the order of its outbox. The second node is started again at the
 * end.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class TwoEngineNodesIT {

  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void twoOfEachShareTheWorkFireEachTimerOnceAndAKilledNodeLosesNothing() throws Exception {
    Platform platform = Platform.get();
    List<Api> admins =
        List.of(
            new Api(platform.webApi, "admin", "demo"),
            new Api(platform.secondWebApi, "admin", "demo"));
    List<Api> coordinators =
        List.of(
            new Api(platform.webApi, "coordinator", "demo"),
            new Api(platform.secondWebApi, "coordinator", "demo"));
    List<String> served = List.of("web-api", "web-api-2", "workflow-engine", "workflow-engine-2");
    Map<String, Double> before = reviewsStarted(platform, served);
    List<String> reviewIds = new ArrayList<>();
    for (int session = 30; session < 35; session++) {
      Api admin = admins.get(session % 2);
      Api.Response created =
          admin.post(
              "/api/sessions",
              "{\"number\":"
                  + session
                  + ",\"startsOn\":\"2021-0"
                  + (session - 29)
                  + "-01\",\"endsOn\":\"2021-0"
                  + (session - 29)
                  + "-12\"}");
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      Api.Response started =
          coordinators
              .get(session % 2)
              .post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + session + "}");
      assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
      reviewIds.add(started.body().get("id").asText());
    }
    Map<String, Double> after = reviewsStarted(platform, served);
    for (String service : served) {
      assertThat(after.get(service))
          .as("reviews started through " + service)
          .isGreaterThan(before.get(service));
    }

    // From here on through the first web-api: the second node is killed on the way.
    Api coordinator = coordinators.get(0);
    Map<String, Integer> whenKilled = null;
    try {
      for (String reviewId : reviewIds) {
        String plan = coordinator.onlyTask(reviewId, "UserTask_PlanSubmission");
        await("the plan's escalation")
            .atMost(Duration.ofSeconds(90))
            .until(() -> escalations(platform, reviewIds).containsKey(plan));
        assertThat(coordinator.post("/api/tasks/" + plan + "/claim", null).status()).isEqualTo(200);
        assertThat(
                coordinator
                    .post(
                        "/api/tasks/" + plan + "/complete", "{\"agencies\":[\"UNICEF\",\"UNDP\"]}")
                    .status())
            .isEqualTo(204);
        if (whenKilled == null && alertsRaisedBy(platform, "workflow-engine-2") > 0) {
          // Mid-run: it has raised alerts, and the drafts' escalations of this review and later
          // ones are still to come; it dies at once, without shutting down (SIGKILL).
          whenKilled =
              Map.of(
                  "engine-1", alertsRaisedBy(platform, "workflow-engine"),
                  "engine-2", alertsRaisedBy(platform, "workflow-engine-2"));
          platform.service("workflow-engine-2").kill();
          System.out.println(
              "Deadline alerts raised when the second node was killed: " + whenKilled);
        }
      }
      assertThat(whenKilled).as("the second node raised alerts before the last plan").isNotNull();

      await("fifteen escalations, and no more")
          .atMost(Duration.ofSeconds(120))
          .during(Duration.ofSeconds(10))
          .until(() -> escalations(platform, reviewIds).size() == 15);
      assertThat(escalations(platform, reviewIds).values()).allMatch(count -> count == 1);
      int firstNode = alertsRaisedBy(platform, "workflow-engine");
      System.out.println(
          "Deadline alerts raised by the first node: "
              + firstNode
              + "; by the second before it died: "
              + whenKilled.get("engine-2"));
      assertThat(firstNode)
          .as("the first node raised the alerts after the second died")
          .isGreaterThan(whenKilled.get("engine-1"));
      for (String reviewId : reviewIds) {
        eachEventReachedKafkaInOrder(platform, reviewId);
      }
    } finally {
      if (whenKilled != null) {
        platform.startAgain("workflow-engine-2");
      }
    }
  }

  /** How many reviews each service was asked to start (its HTTP server metric). */
  private static Map<String, Double> reviewsStarted(Platform platform, List<String> services)
      throws Exception {
    Map<String, Double> counts = new LinkedHashMap<>();
    for (String name : services) {
      double count =
          Metrics.value(
              platform.service(name).scrape(),
              "http_server_requests_seconds_count",
              "method=\"POST\"",
              "uri=\"/api/reviews\"");
      counts.put(name, Double.isNaN(count) ? 0 : count);
    }
    return counts;
  }

  /**
   * Every task event of the review in its outbox is published, and Kafka has them (a record sent
   * twice by a node that died mid-send counted once) in the order of the outbox (the sequence the
   * relay numbered them in), their sequence rising.
   */
  private static void eachEventReachedKafkaInOrder(Platform platform, String reviewId)
      throws Exception {
    List<String> outbox = new ArrayList<>();
    await("the review's events published")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              outbox.clear();
              try (Connection db = connect(platform);
                  PreparedStatement query =
                      db.prepareStatement(
                          "SELECT event_id, published_at IS NOT NULL FROM upr_event_outbox"
                              + " WHERE record_key = ? AND topic = ? ORDER BY sequence NULLS LAST, position")) {
                query.setString(1, reviewId);
                query.setString(2, Platform.TASKS_TOPIC);
                boolean allPublished = true;
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    outbox.add(rows.getString(1));
                    allPublished &= rows.getBoolean(2);
                  }
                }
                return allPublished && !outbox.isEmpty();
              }
            });
    List<ConsumerRecord<String, String>> records =
        KafkaRecords.withKey(Platform.TASKS_TOPIC, reviewId, outbox.size(), Duration.ofSeconds(30));
    long distinct =
        records.stream().map(record -> KafkaRecords.header(record, "ce_id")).distinct().count();
    if (distinct < outbox.size()) { // some sent twice: read on until every one is there
      records =
          KafkaRecords.withKey(
              Platform.TASKS_TOPIC,
              reviewId,
              records.size() + outbox.size() - (int) distinct,
              Duration.ofSeconds(30));
    }
    LinkedHashSet<String> inKafka = new LinkedHashSet<>();
    long lastSequence = 0;
    for (ConsumerRecord<String, String> record : records) {
      if (inKafka.add(KafkaRecords.header(record, "ce_id"))) {
        long sequence = json.readTree(record.value()).get("sequence").asLong();
        assertThat(sequence).as("sequence of review " + reviewId).isGreaterThan(lastSequence);
        lastSequence = sequence;
      }
    }
    assertThat(List.copyOf(inKafka)).as("review " + reviewId + " in Kafka").isEqualTo(outbox);
  }

  /** For each task of the reviews, how many "deadline missed" events the outbox holds. */
  private static Map<String, Integer> escalations(Platform platform, List<String> reviewIds)
      throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection db = connect(platform);
        PreparedStatement query =
            db.prepareStatement(
                "SELECT payload::json->'taskIds'->>0 AS task, count(*) FROM upr_event_outbox"
                    + " WHERE type = 'org.uprengage.deadline.missed.v1' AND record_key = ANY (?)"
                    + " GROUP BY 1")) {
      query.setArray(1, db.createArrayOf("text", reviewIds.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }

  /** How many deadline alerts (reminders and escalations) an engine node has raised: its metric. */
  private static int alertsRaisedBy(Platform platform, String service) throws Exception {
    String scrape = platform.service(service).scrape();
    int raised = 0;
    for (String kind : List.of("approaching", "missed")) {
      double count = Metrics.value(scrape, "upr_deadline_alerts_total", "kind=\"" + kind + "\"");
      raised += Double.isNaN(count) ? 0 : (int) count;
    }
    return raised;
  }

  private static Connection connect(Platform platform) throws Exception {
    return DriverManager.getConnection(
        platform.engineDatabase,
        TestInfrastructure.postgres().user(),
        TestInfrastructure.postgres().password());
  }
}
