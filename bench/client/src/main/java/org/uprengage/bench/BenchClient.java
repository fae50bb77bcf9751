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
import java.util.Base64;
import java.util.List;

/** The public API of a running platform on this machine, as the benchmarks call it. */
final class BenchClient {

  private static final ObjectMapper json = new ObjectMapper();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String api;

  private BenchClient(String api) {
    this.api = api;
  }

  /** The platform at {@code --url} (default the local run's web-api); loopback only. */
  static BenchClient fromArgs(String[] args) {
    String url = option(args, "--url", "http://127.0.0.1:8080");
    if (!URI.create(url).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
      throw new IllegalArgumentException(
          "Benchmarks run against this machine only (loopback): " + url);
    }
    return new BenchClient(url + "/api");
  }

  /** A bearer token for a demo user: one password check, then cheap token checks. */
  String token(String username) throws Exception {
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

  /** Sends a request and insists on the status expected; the answer's JSON. */
  JsonNode call(String method, String path, String token, String body, int expected)
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

  /** The first task the caller sees in the review, once one appears. */
  String firstTask(String token, String reviewId) throws Exception {
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

  static long percentile(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
