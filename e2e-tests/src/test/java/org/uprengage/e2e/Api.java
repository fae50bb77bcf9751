package org.uprengage.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.uprengage.testsupport.OpenApiContract;

/**
 * The public API as one demo user calls it, with HTTP Basic as the README's curl walk-through does.
 * Every exchange is recorded; a test class with {@code @ExtendWith(Api.HeldToTheDocument.class)}
 * holds each test's exchanges to the OpenAPI document its web-api serves at {@code /v3/api-docs}.
 */
final class Api {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();
  private static final Queue<Recorded> recorded = new ConcurrentLinkedQueue<>();
  private static final Map<String, OpenApiContract> contracts = new ConcurrentHashMap<>();

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
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), null);
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
    return send(request, body);
  }

  /** POSTs a body of another type (a CSV list, say). */
  Response postAs(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        body);
  }

  /**
   * POSTs a file's bytes as the body (a {@code .docx} list, say); its exchange is recorded with the
   * bytes read one character each, as a download's.
   */
  Response postBytes(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        new String(body, StandardCharsets.ISO_8859_1));
  }

  /** POSTs JSON with one more request header (a W3C {@code traceparent}, say). */
  Response post(String path, String body, String header, String value)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        body);
  }

  Response put(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)),
        body);
  }

  /** A JSON merge patch, changing what was seen at {@code version} only (If-Match). */
  Response patch(String path, String body, int version) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", "\"" + version + "\"")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)),
        body);
  }

  /**
   * Adds WG session {@code number} to the calendar, about two years from today, so that every
   * deadline of a review in it is still to come whenever the test runs; as an admin.
   */
  void addSessionAhead(int number) throws IOException, InterruptedException {
    LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).plusYears(2);
    Response session =
        post(
            "/api/sessions",
            "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                .formatted(number, startsOn, startsOn.plusDays(11)));
    if (session.status() != 201) {
      throw new IllegalStateException("Session " + number + " not added: " + session.body());
    }
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
    List<String> found = new ArrayList<>();
    await(taskKey)
        .atMost(Duration.ofSeconds(30))
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

  /**
   * GETs a binary resource (a document); its exchange is recorded like any other, the body as its
   * bytes read one character each.
   */
  Download download(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .GET()
            .header("Authorization", authorization)
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    recorded.add(
        new Recorded(
            baseUrl,
            new OpenApiContract.Exchange(
                request.method(),
                request.uri().getPath(),
                query(request),
                request.headers().map(),
                null,
                response.statusCode(),
                response.headers().map(),
                new String(response.body(), StandardCharsets.ISO_8859_1))));
    return new Download(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private Response send(HttpRequest.Builder builder, String requestBody)
      throws IOException, InterruptedException {
    HttpRequest request = builder.header("Authorization", authorization).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    recorded.add(new Recorded(baseUrl, exchange(request, requestBody, response)));
    JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Location").orElse(null),
        body);
  }

  private static OpenApiContract.Exchange exchange(
      HttpRequest request, String requestBody, HttpResponse<String> response) {
    return new OpenApiContract.Exchange(
        request.method(),
        request.uri().getPath(),
        query(request),
        request.headers().map(),
        requestBody,
        response.statusCode(),
        response.headers().map(),
        response.body());
  }

  private static Map<String, List<String>> query(HttpRequest request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String rawQuery = request.uri().getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] nameValue = pair.split("=", 2);
        query
            .computeIfAbsent(decoded(nameValue[0]), name -> new ArrayList<>())
            .add(nameValue.length > 1 ? decoded(nameValue[1]) : "");
      }
    }
    return query;
  }

  private static String decoded(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /**
   * Holds every exchange recorded since the last call to the document of the web-api it went to,
   * and forgets them.
   */
  static void assertExchangesConform() throws IOException, InterruptedException {
    Map<String, List<OpenApiContract.Exchange>> byWebApi = new LinkedHashMap<>();
    for (Recorded one = recorded.poll(); one != null; one = recorded.poll()) {
      byWebApi.computeIfAbsent(one.baseUrl(), url -> new ArrayList<>()).add(one.exchange());
    }
    for (Map.Entry<String, List<OpenApiContract.Exchange>> exchanges : byWebApi.entrySet()) {
      OpenApiContract contract = contracts.get(exchanges.getKey());
      if (contract == null) {
        contract = new OpenApiContract(fetch(exchanges.getKey() + "/v3/api-docs"));
        contracts.put(exchanges.getKey(), contract);
      }
      contract.assertConforms(exchanges.getValue());
      System.out.println(
          exchanges.getValue().size()
              + " exchanges held to "
              + exchanges.getKey()
              + "/v3/api-docs");
    }
  }

  /**
   * After each test, holds its exchanges with web-api to the document web-api serves. Exchanges
   * left by a test class that is not held (the production onboarding) are dropped before each test,
   * so they are never held to a web-api that has stopped.
   */
  static final class HeldToTheDocument implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      recorded.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
      assertExchangesConform();
    }
  }

  private record Recorded(String baseUrl, OpenApiContract.Exchange exchange) {}

  record Response(int status, String contentType, String location, JsonNode body) {}

  record Download(int status, String contentType, byte[] body) {}
}
