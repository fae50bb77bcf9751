package org.uprengage.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The public API as one demo user calls it, with HTTP Basic as the README's curl walk-through does.
 */
final class Api {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;

  Api(String baseUrl, String username, String password) {
    this(
        baseUrl,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private Api(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  /** The API as the person an identity provider's bearer token names calls it. */
  static Api withToken(String baseUrl, String token) {
    return new Api(baseUrl, "Bearer " + token);
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Response post(String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (body == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return send(request);
  }

  Response put(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** GETs a path without credentials, as a calendar program does; the raw body. */
  static String fetch(String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Waits until the caller sees exactly one task of the review with that key, and returns it. */
  String onlyTask(String reviewId, String taskKey) {
    java.util.List<String> found = new java.util.ArrayList<>();
    org.awaitility.Awaitility.await(taskKey)
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode items =
                  get("/api/tasks?reviewId=" + reviewId + "&taskKey=" + taskKey)
                      .body()
                      .get("items");
              found.clear();
              items.forEach(task -> found.add(task.get("id").asText()));
              return found.size() == 1;
            });
    return found.get(0);
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Location").orElse(null),
        body);
  }

  record Response(int status, String contentType, String location, JsonNode body) {}
}
