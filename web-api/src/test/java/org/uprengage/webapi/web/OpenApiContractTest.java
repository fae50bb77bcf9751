package org.uprengage.webapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.uprengage.webapi.DemoApiTest;

/**
 * Every operation of the OpenAPI document answers the success its document promises: each is called
 * once with a valid request, the services behind web-api answering as the document describes, and
 * web-api's status must be the one 2xx status documented; the request and the answer are then held
 * to the document (status, media type, body schema) by {@link DemoApiTest}. A new operation without
 * a row here fails {@link #everyDocumentedOperationHasARow()}.
 */
class OpenApiContractTest extends DemoApiTest {

  private static final String REVIEW = "7f3f4c72-1f67-42c3-9976-600fc9772be3";
  private static final String OTHER = "5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A date still to come whenever the test runs (web-api relays dates; the engine judges them). */
  private static final LocalDate LATER = LocalDate.now(ZoneOffset.UTC).plusMonths(6);

  private static OpenAPI document;

  /** One valid call of each operation: its method and path template, the call, its body. */
  static Stream<Call> calls() {
    return Stream.of(
        call("GET", "/api/admin/dead-letters", "/api/admin/dead-letters?topic=upr.tasks.v1", null),
        call("POST", "/api/admin/dead-letters/replay"),
        call(
            "POST",
            "/api/admin/dead-letters/{id}/replay",
            "/api/admin/dead-letters/" + OTHER + "/replay",
            null),
        call("GET", "/api/admin/incidents"),
        call(
            "POST",
            "/api/admin/incidents/{id}/retry",
            "/api/admin/incidents/" + OTHER + "/retry",
            null),
        call("GET", "/api/agencies"),
        call("POST", "/api/agencies", "{\"code\":\"UNEP\",\"name\":\"UN Environment Programme\"}"),
        call("GET", "/api/approvals"),
        call("POST", "/api/auth/token"),
        call("GET", "/api/calendar-feeds"),
        call("POST", "/api/calendar-feeds", "{\"scope\":\"person\"}"),
        call("GET", "/api/country-teams"),
        call(
            "POST",
            "/api/country-teams",
            "{\"code\":\"KEN\",\"name\":\"UN Country Team in Kenya\",\"agencies\":[\"UNICEF\"],\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}"),
        call("GET", "/api/country-teams/{code}", "/api/country-teams/KEN", null),
        call(
            "PATCH",
            "/api/country-teams/{code}",
            "/api/country-teams/KEN",
            "{\"name\":\"UNCT Kenya\"}"),
        call("POST", "/api/country-teams/{code}/close", "/api/country-teams/KEN/close", null),
        call(
            "GET",
            "/api/country-teams/{team}/milestone-offsets",
            "/api/country-teams/GHA/milestone-offsets",
            null),
        call(
            "PUT",
            "/api/country-teams/{team}/milestone-offsets",
            "/api/country-teams/GHA/milestone-offsets",
            "{\"daysBefore\":{\"agencyDraftsDue\":35}}"),
        call(
            "GET",
            "/api/country-teams/{team}/optional-tasks",
            "/api/country-teams/GHA/optional-tasks",
            null),
        call(
            "PUT",
            "/api/country-teams/{team}/optional-tasks",
            "/api/country-teams/GHA/optional-tasks",
            "{\"wanted\":{\"compilationCheck\":true}}"),
        call("GET", "/api/follows"),
        call("POST", "/api/follows", "{\"reviewId\":\"" + REVIEW + "\"}"),
        call("DELETE", "/api/follows/{id}", "/api/follows/" + OTHER, null),
        call("GET", "/api/hrc-sessions"),
        call("GET", "/api/hrc-sessions/{number}", "/api/hrc-sessions/64", null),
        call(
            "PATCH",
            "/api/hrc-sessions/{number}",
            "/api/hrc-sessions/64",
            "{\"closesOn\":\"2027-04-02\"}"),
        call("GET", "/api/me"),
        call("GET", "/api/me/notification-preferences"),
        call(
            "PUT",
            "/api/me/notification-preferences",
            "{\"timeZone\":\"Africa/Accra\",\"language\":\"fr\"}"),
        call("GET", "/api/notifications"),
        call("POST", "/api/notifications/read-all"),
        call("GET", "/api/notifications/stream"),
        call("POST", "/api/notifications/{id}/read", "/api/notifications/" + OTHER + "/read", null),
        call("POST", "/api/reviews", "{\"country\":\"GHA\",\"session\":56}"),
        call("GET", "/api/reviews"),
        call("GET", "/api/people"),
        call(
            "POST",
            "/api/people/import",
            "username,name,email,roles,agency,country_teams,language,time_zone\nawanjiru,Amina Wanjiru,,focal-point,UNICEF,KEN,sw,Africa/Nairobi\n"),
        call("GET", "/api/reviews/{id}", "/api/reviews/" + REVIEW, null),
        call("GET", "/api/reviews/{id}/audit", "/api/reviews/" + REVIEW + "/audit", null),
        call("GET", "/api/reviews/{id}/milestones", "/api/reviews/" + REVIEW + "/milestones", null),
        call(
            "PUT",
            "/api/reviews/{id}/milestones/{key}",
            "/api/reviews/" + REVIEW + "/milestones/clearance",
            "{\"dueOn\":\"" + LATER + "\"}"),
        call(
            "PUT",
            "/api/reviews/{id}/review-day",
            "/api/reviews/" + REVIEW + "/review-day",
            "{\"reviewDay\":\"2027-01-27\"}"),
        call(
            "POST",
            "/api/reviews/{id}/move",
            "/api/reviews/" + REVIEW + "/move",
            "{\"session\":45,\"reason\":\"postponed\"}"),
        call("GET", "/api/reviews/{id}/submission", "/api/reviews/" + REVIEW + "/submission", null),
        call(
            "GET",
            "/api/reviews/{id}/submission/document",
            "/api/reviews/" + REVIEW + "/submission/document?round=1&language=fr",
            null),
        call("GET", "/api/reviews/{id}/timeline", "/api/reviews/" + REVIEW + "/timeline", null),
        call(
            "GET",
            "/api/reviews/{id}/recommendations",
            "/api/reviews/" + REVIEW + "/recommendations?sdg=16&position=noted",
            null),
        call(
            "POST",
            "/api/reviews/{id}/recommendations/imports",
            "/api/reviews/" + REVIEW + "/recommendations/imports",
            "paragraph,text\n121.1,Ratify the Convention (France);\n"),
        call("GET", "/api/recommendations", "/api/recommendations?countryTeam=GHA", null),
        call(
            "PUT",
            "/api/reviews/{id}/recommendations/{recommendationId}/position",
            "/api/reviews/" + REVIEW + "/recommendations/" + OTHER + "/position",
            "{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}"),
        call(
            "POST",
            "/api/reviews/{id}/recommendations/positions",
            "/api/reviews/" + REVIEW + "/recommendations/positions",
            "{\"positions\":[{\"paragraph\":\"121.1\",\"position\":\"supported\"}]}"),
        call(
            "PUT",
            "/api/reviews/{id}/recommendations/{recommendationId}/assignment",
            "/api/reviews/" + REVIEW + "/recommendations/" + OTHER + "/assignment",
            "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}"),
        call(
            "POST",
            "/api/reviews/{id}/recommendations/{recommendationId}/progress",
            "/api/reviews/" + REVIEW + "/recommendations/" + OTHER + "/progress",
            "{\"status\":\"in-progress\",\"narrative\":\"Draft law tabled\",\"asOf\":\""
                + LocalDate.now(ZoneOffset.UTC).minusDays(1)
                + "\"}"),
        call(
            "GET",
            "/api/reviews/{id}/recommendations/{recommendationId}/progress",
            "/api/reviews/" + REVIEW + "/recommendations/" + OTHER + "/progress",
            null),
        call(
            "POST",
            "/api/reviews/{id}/recommendations/{recommendationId}/progress/{updateId}/clearance",
            "/api/reviews/"
                + REVIEW
                + "/recommendations/"
                + OTHER
                + "/progress/"
                + REVIEW
                + "/clearance",
            "{\"decision\":\"clear\"}"),
        call(
            "GET",
            "/api/reviews/{id}/previous-recommendations",
            "/api/reviews/" + REVIEW + "/previous-recommendations",
            null),
        call(
            "GET",
            "/api/reviews/{id}/implementation-matrix",
            "/api/reviews/" + REVIEW + "/implementation-matrix?groupBy=agency",
            null),
        call(
            "GET",
            "/api/country-teams/{team}/implementation-settings",
            "/api/country-teams/GHA/implementation-settings",
            null),
        call(
            "PUT",
            "/api/country-teams/{team}/implementation-settings",
            "/api/country-teams/GHA/implementation-settings",
            "{\"progressClearance\":true,\"roundMonths\":4}"),
        call(
            "POST",
            "/api/reviews/{id}/recommendations/assignments",
            "/api/reviews/" + REVIEW + "/recommendations/assignments",
            "{\"leadAgency\":\"UNICEF\",\"sdg\":4}"),
        call(
            "GET",
            "/api/reviews/{id}/recommendations/{recommendationId}/positions",
            "/api/reviews/" + REVIEW + "/recommendations/" + OTHER + "/positions",
            null),
        call("GET", "/api/sessions"),
        call(
            "POST",
            "/api/sessions",
            "{\"number\":57,\"startsOn\":\""
                + LATER
                + "\",\"endsOn\":\""
                + LATER.plusDays(11)
                + "\"}"),
        call("GET", "/api/sessions/{number}", "/api/sessions/56", null),
        call(
            "PATCH",
            "/api/sessions/{number}",
            "/api/sessions/56",
            "{\"stakeholderDeadline\":\"" + LATER + "\"}"),
        call("GET", "/api/sessions/{number}/history", "/api/sessions/56/history", null),
        call("GET", "/api/tasks"),
        call(
            "POST",
            "/api/tasks/bulk/assign",
            "{\"taskIds\":[\"task-1\"],\"assignee\":\"focal-undp\"}"),
        call("POST", "/api/tasks/bulk/claim", "{\"taskIds\":[\"task-1\"]}"),
        call(
            "POST",
            "/api/tasks/bulk/complete",
            "{\"taskIds\":[\"task-1\"],\"input\":{\"text\":\"Our section\"}}"),
        call("GET", "/api/tasks/{id}", "/api/tasks/task-1", null),
        call(
            "POST",
            "/api/tasks/{id}/assign",
            "/api/tasks/task-1/assign",
            "{\"assignee\":\"focal-undp\"}"),
        call("GET", "/api/tasks/{id}/attachments", "/api/tasks/task-1/attachments", null),
        call(
            "POST",
            "/api/tasks/{id}/attachments",
            "/api/tasks/task-1/attachments",
            "{\"name\":\"Draft\",\"url\":\"https://drive.example.org/d\"}"),
        call(
            "DELETE",
            "/api/tasks/{id}/attachments/{attachmentId}",
            "/api/tasks/task-1/attachments/" + OTHER,
            null),
        call("GET", "/api/tasks/{id}/audit", "/api/tasks/task-1/audit", null),
        call("POST", "/api/tasks/{id}/claim", "/api/tasks/task-1/claim", null),
        call("GET", "/api/tasks/{id}/comments", "/api/tasks/task-1/comments", null),
        call(
            "POST",
            "/api/tasks/{id}/comments",
            "/api/tasks/task-1/comments",
            "{\"text\":\"Looks good\"}"),
        call(
            "POST",
            "/api/tasks/{id}/complete",
            "/api/tasks/task-1/complete",
            "{\"text\":\"Our section\"}"),
        call(
            "POST",
            "/api/tasks/{id}/delegate",
            "/api/tasks/task-1/delegate",
            "{\"to\":\"focal-undp\"}"),
        call("POST", "/api/tasks/{id}/due", "/api/tasks/task-1/due", "{\"on\":\"" + LATER + "\"}"),
        call(
            "POST",
            "/api/tasks/{id}/follow-up",
            "/api/tasks/task-1/follow-up",
            "{\"on\":\"" + LATER + "\"}"),
        call("POST", "/api/tasks/{id}/resolve", "/api/tasks/task-1/resolve", null),
        call("POST", "/api/tasks/{id}/unclaim", "/api/tasks/task-1/unclaim", null),
        call("GET", "/api/webhooks"),
        call(
            "POST",
            "/api/webhooks",
            "{\"url\":\"https://hooks.example.org/upr\",\"eventKinds\":[\"task.created\"]}"),
        call("GET", "/api/webhooks/{id}", "/api/webhooks/" + OTHER, null),
        call("DELETE", "/api/webhooks/{id}", "/api/webhooks/" + OTHER, null),
        call(
            "GET", "/api/webhooks/{id}/deliveries", "/api/webhooks/" + OTHER + "/deliveries", null),
        call("POST", "/api/webhooks/{id}/enable", "/api/webhooks/" + OTHER + "/enable", null),
        call("GET", "/calendar/{token}.ics", "/calendar/abc_DEF-123.ics", null));
  }

  @BeforeEach
  void readTheDocument() throws Exception {
    if (document == null) {
      String served =
          mvc.perform(request(HttpMethod.GET, "/v3/api-docs"))
              .andReturn()
              .getResponse()
              .getContentAsString();
      document = new OpenAPIV3Parser().readContents(served).getOpenAPI();
    }
  }

  @Test
  void everyDocumentedOperationHasARow() {
    Set<String> documented = new TreeSet<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method + " " + path)));
    Set<String> called = new TreeSet<>(calls().map(Call::operation).toList());
    assertThat(called).isEqualTo(documented);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theOperationAnswersTheSuccessItsDocumentPromises(Call call) throws Exception {
    Map.Entry<String, ApiResponse> success = documentedSuccess(call);
    int status = Integer.parseInt(success.getKey());
    String mediaType = mediaType(success.getValue());
    String body = mediaType == null ? "" : sample(success.getValue().getContent(), mediaType);
    String serviceType = mediaType == null ? "application/json" : mediaType;
    engine.answer(status, serviceType, body);
    notifications.answer(status, serviceType, body);

    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(call.method()), call.path());
    if (!call.path().startsWith("/calendar/")) {
      request.header("Authorization", basic("admin", "demo"));
    }
    if (call.body() != null) {
      request
          .contentType(
              call.method().equals("PATCH")
                  ? "application/merge-patch+json"
                  : call.path().endsWith("/imports") || call.path().endsWith("/import")
                      ? "text/csv"
                      : "application/json")
          .content(call.body());
    }
    if (call.path().endsWith("/stream")) {
      request.accept("text/event-stream");
    }
    MvcResult result = mvc.perform(request).andReturn();
    MockHttpServletResponse response = result.getResponse();
    if (result.getRequest().isAsyncStarted()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !response.getContentAsString().isEmpty());
    }
    assertThat(response.getStatus())
        .as("%s answers what its document promises", call.operation())
        .isEqualTo(status);
  }

  private static Map.Entry<String, ApiResponse> documentedSuccess(Call call) {
    Operation operation =
        document
            .getPaths()
            .get(call.template())
            .readOperationsMap()
            .get(PathItem.HttpMethod.valueOf(call.method()));
    List<Map.Entry<String, ApiResponse>> successes =
        operation.getResponses().entrySet().stream()
            .filter(response -> response.getKey().startsWith("2"))
            .toList();
    assertThat(successes).as("%s documents one success", call.operation()).hasSize(1);
    return successes.get(0);
  }

  private static String mediaType(ApiResponse response) {
    Content content = response.getContent();
    return content == null || content.isEmpty() ? null : content.keySet().iterator().next();
  }

  /** A body of the documented schema, as a service behind web-api might answer it. */
  private static String sample(Content content, String mediaType) throws Exception {
    Object value = sample(content.get(mediaType).getSchema(), 0);
    if (!mediaType.contains("json")) {
      return mediaType.startsWith("text/event-stream")
          ? "id:n1\nevent:notification\ndata:{}\n\n"
          : "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    }
    return JSON.writeValueAsString(value);
  }

  @SuppressWarnings("rawtypes")
  private static Object sample(Schema schema, int depth) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return sample(document.getComponents().getSchemas().get(name), depth);
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    String type = type(schema);
    switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null && depth < 6) {
          schema
              .getProperties()
              .forEach(
                  (name, property) -> {
                    Object value = sample((Schema) property, depth + 1);
                    if (value != null) {
                      object.put((String) name, value);
                    }
                  });
        }
        return object;
      }
      case "array" -> {
        return depth < 6 ? List.of(sample(schema.getItems(), depth + 1)) : List.of();
      }
      case "integer", "number" -> {
        return 1;
      }
      case "boolean" -> {
        return true;
      }
      default -> {
        return sampleString(schema.getFormat());
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static String type(Schema schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      return ((Set<?>) schema.getTypes())
          .stream()
              .map(String::valueOf)
              .filter(t -> !t.equals("null"))
              .findFirst()
              .orElse("object");
    }
    return schema.getProperties() != null ? "object" : "string";
  }

  private static String sampleString(String format) {
    if (format == null) {
      return "text";
    }
    return switch (format) {
      case "date" -> LATER.toString();
      case "date-time" -> LATER + "T09:00:00Z";
      case "uuid" -> REVIEW;
      case "uri" -> "https://example.org/x";
      default -> "text";
    };
  }

  private static Call call(String method, String path) {
    return new Call(method, path, path, null);
  }

  private static Call call(String method, String path, String body) {
    return new Call(method, path, path, body);
  }

  private static Call call(String method, String template, String path, String body) {
    return new Call(method, template, path, body);
  }

  /** One valid call of an operation. */
  record Call(String method, String template, String path, String body) {

    String operation() {
      return method + " " + template;
    }

    @Override
    public String toString() {
      return operation();
    }
  }
}
