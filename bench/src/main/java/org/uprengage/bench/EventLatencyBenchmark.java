package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

  private static final ObjectMapper json = new ObjectMapper();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String api;

  private EventLatencyBenchmark(String api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    String url = option(args, "--url", "http://127.0.0.1:8080");
    if (!URI.create(url).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
      throw new IllegalArgumentException(
          "Benchmarks run against this machine only (loopback): " + url);
    }
    int session = Integer.parseInt(option(args, "--session", "55"));
    int pairs = Integer.parseInt(option(args, "--pairs", "200"));
    new EventLatencyBenchmark(url + "/api").run(session, pairs);
  }

  private void run(int session, int pairs) throws Exception {
    String coordinator = token("coordinator");
    String focal = token("focal-unicef");
    String head = token("head-unicef");

    JsonNode review =
        call(
            "POST",
            "/reviews",
            coordinator,
            "{\"country\":\"GHA\",\"session\":" + session + "}",
            201);
    String reviewId = review.get("id").asText();
    String plan = firstTask(coordinator, reviewId);
    call("POST", "/tasks/" + plan + "/claim", coordinator, null, 200);
    call("POST", "/tasks/" + plan + "/complete", coordinator, "{\"agencies\":[\"UNICEF\"]}", 204);
    String draft = firstTask(focal, reviewId);

    long started = System.nanoTime();
    for (int i = 0; i < pairs; i++) {
      call("POST", "/tasks/" + draft + "/claim", focal, null, 200);
      call("POST", "/tasks/" + draft + "/unclaim", focal, null, 200);
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
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
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
      JsonNode inbox = call("GET", "/notifications?size=100&page=" + page, token, null, 200);
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

  private String firstTask(String token, String reviewId) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = call("GET", "/tasks?reviewId=" + reviewId, token, null, 200);
      if (tasks.get("items").size() > 0) {
        return tasks.get("items").get(0).get("id").asText();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("No task appeared for the caller in review " + reviewId);
  }

  private String token(String username) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + "/auth/token"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Sign-in of " + username + " failed: " + response.statusCode() + " " + response.body());
    }
    return json.readTree(response.body()).get("accessToken").asText();
  }

  private JsonNode call(String method, String path, String token, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
  }

  private static long percentile(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
