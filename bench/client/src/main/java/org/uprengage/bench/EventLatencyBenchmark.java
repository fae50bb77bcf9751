package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures how long a task event takes from the engine's commit to a person's in-app inbox, through
 * the outbox, Kafka and notification-service, on a running platform (the local run).
 *
 * <p>It starts a review of GHA in the given WG session, has UNICEF draft, then has the UNICEF focal
 * point claim and give back the drafting task {@code pairs} times. Each give-back raises "task
 * unclaimed", which notification-service turns into a notification for UNICEF's head of office.
 * Latency is the notification's delivery time minus the event's time (both stamped on this
 * machine). Loopback only.
 */
public final class EventLatencyBenchmark {

  private final BenchClient client;

  private EventLatencyBenchmark(BenchClient client) {
    this.client = client;
  }

  public static void main(String[] args) throws Exception {
    int session = Integer.parseInt(BenchClient.option(args, "--session", "55"));
    int pairs = Integer.parseInt(BenchClient.option(args, "--pairs", "200"));
    new EventLatencyBenchmark(BenchClient.fromArgs(args)).run(session, pairs);
  }

  private void run(int session, int pairs) throws Exception {
    String coordinator = client.token("coordinator");
    String focal = client.token("focal-unicef");
    String head = client.token("head-unicef");

    JsonNode review =
        client.call(
            "POST",
            "/reviews",
            coordinator,
            "{\"country\":\"GHA\",\"session\":" + session + "}",
            201);
    String reviewId = review.get("id").asText();
    String plan = client.firstTask(coordinator, reviewId);
    client.call("POST", "/tasks/" + plan + "/claim", coordinator, null, 200);
    client.call(
        "POST", "/tasks/" + plan + "/complete", coordinator, "{\"agencies\":[\"UNICEF\"]}", 204);
    String draft = client.firstTask(focal, reviewId);

    long started = System.nanoTime();
    for (int i = 0; i < pairs; i++) {
      client.call("POST", "/tasks/" + draft + "/claim", focal, null, 200);
      client.call("POST", "/tasks/" + draft + "/unclaim", focal, null, 200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    List<Long> latencies = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(60);
    while (latencies.size() < pairs && Instant.now().isBefore(deadline)) {
      latencies = latenciesOf(head, draft);
      if (latencies.size() < pairs) {
        Thread.sleep(200);
      }
    }
    Collections.sort(latencies);
    System.out.printf(
        "review %s, session %d: %d claim+unclaim pairs in %.1f s (%.1f pairs/s through web-api)%n",
        reviewId, session, pairs, seconds, pairs / seconds);
    System.out.printf(
        "event -> in-app notification, %d notifications: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        latencies.size(),
        BenchClient.percentile(latencies, 50),
        BenchClient.percentile(latencies, 90),
        BenchClient.percentile(latencies, 99),
        latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
    if (latencies.size() < pairs) {
      System.out.printf(
          "only %d of %d notifications arrived within 60 s%n", latencies.size(), pairs);
      System.exit(1);
    }
  }

  /**
   * Delivery minus event time of each notification that the task is available again, in ms (the
   * oldest one announced the task's creation and is left out).
   */
  private List<Long> latenciesOf(String token, String taskId) throws Exception {
    List<Instant[]> times = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode inbox = client.call("GET", "/notifications?size=100&page=" + page, token, null, 200);
      for (JsonNode item : inbox.get("items")) {
        if (taskId.equals(item.path("taskId").asText())
            && item.hasNonNull("occurredAt")
            && "task-available".equals(item.path("kind").asText())) {
          times.add(
              new Instant[] {
                Instant.parse(item.get("occurredAt").asText()),
                Instant.parse(item.get("createdAt").asText())
              });
        }
      }
      if ((long) (page + 1) * 100 >= inbox.get("total").asLong()) {
        break;
      }
    }
    times.sort((a, b) -> a[0].compareTo(b[0]));
    List<Long> latencies = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      latencies.add(Duration.between(times.get(i)[0], times.get(i)[1]).toMillis());
    }
    return latencies;
  }
}
