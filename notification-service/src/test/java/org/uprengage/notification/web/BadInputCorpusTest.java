package org.uprengage.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.testsupport.PinnedAnswers;

/**
 * A corpus of bad input against every endpoint of notification-service, each sent by the person who
 * could otherwise make the change: malformed JSON, wrong types, oversized values, injection strings
 * in constrained fields, bad path and query values, wrong media types and methods. Every one gets a
 * 4xx with a problem+json body, none a 5xx, and nothing changes. Each case's answer (its status and
 * the fields it names, or the problem's title where it names none) is pinned in {@value #PINNED},
 * one line a case, so the corpus's size and every reason are checked; a run that differs writes
 * what it got to {@code target/bad-input-corpus.txt} to compare and, once reviewed, copy over.
 *
 * <p>The fixtures belong to a country team of their own (XNS, from ISO 3166's user-assigned range),
 * so no event of another test reaches the webhook made here.
 */
class BadInputCorpusTest extends NotificationIntegrationTest {

  private static final String JSON = "application/json";
  private static final String PINNED = "bad-input-corpus.txt";
  private static final String TEAM = "XNS";
  private static final RequestPostProcessor COORDINATOR =
      caller("coordinator-xns", null, List.of(TEAM), "coordinator");
  private static final RequestPostProcessor FOCAL =
      caller("focal-xns", "UNICEF", List.of(TEAM), "focal-point");
  private static final RequestPostProcessor PLATFORM_ADMIN =
      caller("platform-xns", null, List.of(), "platform-admin");

  private static final List<String> INJECTIONS =
      List.of(
          "'; DROP TABLE ns_webhook; --",
          "\" OR 1=1 --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1:1389/a}",
          "../../../../etc/passwd",
          "a\\u0000b",
          "{{7*7}}");

  @Test
  void everyBadInputGetsAProblemAndChangesNothing() throws Exception {
    String webhook =
        created(
            "/api/webhooks",
            "{\"url\":\"https://93.184.216.34/hook\"," + "\"eventKinds\":[\"task.created\"]}");
    String follow = created("/api/follows", "{\"countryTeam\":\"" + TEAM + "\"}");
    Map<String, String> fixture = Map.of("{webhook}", webhook, "{follow}", follow);
    try {
      List<Case> corpus = corpus();
      String before = state();
      List<String> failures = new ArrayList<>();
      List<String> answers = new ArrayList<>();
      for (Case bad : corpus) {
        MockHttpServletRequestBuilder request =
            request(HttpMethod.valueOf(bad.method()), fill(bad.path(), fixture)).with(bad.who());
        if (bad.contentType() != null) {
          request.contentType(bad.contentType());
        }
        if (bad.body() != null) {
          request.content(bad.body());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
          failures.add(bad.label() + " -> " + status + " " + response.getContentAsString());
        } else if (!String.valueOf(response.getContentType())
            .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
          failures.add(bad.label() + " -> " + status + " without problem+json");
        } else {
          answers.add(bad.label() + " -> " + status + " " + reason(response));
        }
      }
      assertThat(failures).isEmpty();
      PinnedAnswers.assertPinned(answers, PINNED);
      assertThat(state()).as("state after " + corpus.size() + " bad requests").isEqualTo(before);
      System.out.println("Bad-input corpus: " + corpus.size() + " requests");
    } finally {
      jdbc.update("UPDATE ns_webhook SET deleted_at = now() WHERE id = ?::uuid", webhook);
      jdbc.update("DELETE FROM ns_follow WHERE id = ?::uuid", follow);
    }
  }

  private String created(String path, String json) throws Exception {
    String body =
        mvc.perform(post(path).with(COORDINATOR).contentType(JSON).content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /** What the corpus could change: the rows of the fixtures' country team and people. */
  private String state() {
    return List.of(
            jdbc.queryForList(
                "SELECT id, url, event_kinds::text, status, deleted_at FROM ns_webhook"
                    + " WHERE country_team = ? ORDER BY id",
                TEAM),
            jdbc.queryForList(
                "SELECT id, follower, review_id FROM ns_follow WHERE country_team = ? ORDER BY id",
                TEAM),
            jdbc.queryForList(
                "SELECT * FROM ns_preference WHERE username IN ('coordinator-xns', 'focal-xns')"),
            jdbc.queryForList(
                "SELECT owner, scope, token_hash FROM ns_calendar_feed"
                    + " WHERE owner IN ('coordinator-xns', 'focal-xns') ORDER BY owner, scope"))
        .toString();
  }

  private static String fill(String path, Map<String, String> fixture) {
    String filled = path;
    for (Map.Entry<String, String> entry : fixture.entrySet()) {
      filled = filled.replace(entry.getKey(), entry.getValue());
    }
    return filled;
  }

  /** What the answer says is wrong: the fields it names, else the problem's title. */
  private static String reason(MockHttpServletResponse response) throws IOException {
    String body = response.getContentAsString();
    List<String> fields = JsonPath.read(body, "$..errors[*].field");
    String title = JsonPath.read(body, "$.title");
    return fields.isEmpty() ? title : String.join(",", fields);
  }

  private static List<Case> corpus() {
    List<Case> corpus = new ArrayList<>();

    // Every JSON endpoint: malformed, not an object, wrong types, no body, other media types.
    for (String endpoint :
        List.of(
            "POST /api/webhooks",
            "POST /api/follows",
            "POST /api/calendar-feeds",
            "PUT /api/me/notification-preferences")) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      for (String body :
          List.of(
              "{\"url\":",
              "{'single':'quotes'}",
              "[]",
              "\"a string\"",
              "42",
              "{\"url\":{\"nested\":[1,2,3]},\"eventKinds\":7,\"reviewId\":true,\"scope\":[],"
                  + "\"timeZone\":{}}")) {
        corpus.add(new Case(method, path, JSON, body, COORDINATOR));
      }
      corpus.add(new Case(method, path, "text/plain", "url=https://example.org", COORDINATOR));
      corpus.add(new Case(method, path, "application/xml", "<url>x</url>", COORDINATOR));
    }
    corpus.add(new Case("POST", "/api/webhooks", JSON, "", COORDINATOR));
    corpus.add(new Case("POST", "/api/follows", JSON, "", COORDINATOR));
    corpus.add(new Case("PUT", "/api/me/notification-preferences", JSON, "", COORDINATOR));

    // Webhooks: each field wrong, too long, or carrying an injection string.
    add(
        corpus,
        "POST",
        "/api/webhooks",
        COORDINATOR,
        "{}",
        "{\"url\":\"https://93.184.216.34/hook\"}",
        "{\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[]}",
        "{\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.exploded\"]}",
        "{\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":\"task.created\"}",
        "{\"url\":\"\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"not a link\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"javascript:alert(1)\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"file:///etc/passwd\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"https://user:secret@93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"https://10.0.0.8/hook\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"https://169.254.169.254/latest/meta-data\",\"eventKinds\":[\"task.created\"]}",
        "{\"url\":\"https://93.184.216.34/"
            + "p".repeat(2001)
            + "\",\"eventKinds\":[\"task.created\"]}",
        "{\"countryTeam\":\"ghana\",\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}",
        "{\"countryTeam\":42,\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}",
        "{\"agency\":\"a b\",\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}",
        "{\"countryTeam\":\"GHA\",\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}");
    add(
        corpus,
        "POST",
        "/api/webhooks",
        FOCAL,
        "{\"agency\":\"UNDP\",\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}");

    // Follows.
    add(
        corpus,
        "POST",
        "/api/follows",
        COORDINATOR,
        "{\"reviewId\":\"not-a-uuid\"}",
        "{\"reviewId\":42}",
        "{\"reviewId\":\"00000000-0000-0000-0000-000000000000\"}",
        "{\"countryTeam\":\"GHA\"}",
        "{\"countryTeam\":[\"XNS\"]}");
    add(corpus, "POST", "/api/follows", FOCAL, "{\"agency\":\"UNDP\"}");

    // Calendar feeds.
    add(
        corpus,
        "POST",
        "/api/calendar-feeds",
        FOCAL,
        "{\"scope\":\"everyone\"}",
        "{\"scope\":42}",
        "{\"scope\":\"agency\",\"agency\":\"UNDP\"}",
        "{\"scope\":\"agency\",\"countryTeam\":\"GHA\"}");
    add(corpus, "POST", "/api/calendar-feeds", COORDINATOR, "{\"scope\":\"agency\"}");

    // Preferences.
    add(
        corpus,
        "PUT",
        "/api/me/notification-preferences",
        FOCAL,
        "{\"timeZone\":\"Mars/Olympus\"}",
        "{\"timeZone\":7}",
        "{\"language\":\"eo\"}",
        "{\"language\":\"\"}",
        "{\"language\":\"EN\"}",
        "{\"language\":42}",
        "{\"language\":[\"es\"]}",
        "{\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}",
        "{\"quietHours\":{\"start\":\"21:00\",\"end\":\"noon\"}}",
        "{\"quietHours\":{\"start\":\"21:00\",\"end\":\"21:00\"}}",
        "{\"quietHours\":\"21:00-07:00\"}",
        "{\"kinds\":{\"everything\":{\"inApp\":true,\"email\":\"off\"}}}",
        "{\"kinds\":{\"task-available\":{\"inApp\":true,\"email\":\"hourly\"}}}",
        "{\"kinds\":{\"task-available\":null}}",
        "{\"kinds\":{\"task-available\":{\"inApp\":\"yes\"}}}",
        "{\"kinds\":[]}");
    for (String injection : INJECTIONS) {
      String value = quoted(injection);
      add(
          corpus,
          "POST",
          "/api/webhooks",
          COORDINATOR,
          "{\"url\":" + value + ",\"eventKinds\":[\"task.created\"]}",
          "{\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[" + value + "]}",
          "{\"countryTeam\":"
              + value
              + ",\"url\":\"https://93.184.216.34/hook\",\"eventKinds\":[\"task.created\"]}");
      add(corpus, "POST", "/api/follows", COORDINATOR, "{\"reviewId\":" + value + "}");
      add(corpus, "POST", "/api/calendar-feeds", FOCAL, "{\"scope\":" + value + "}");
      add(
          corpus,
          "PUT",
          "/api/me/notification-preferences",
          FOCAL,
          "{\"timeZone\":" + value + "}",
          "{\"language\":" + value + "}");
    }

    // Bad path and query values, unknown ids, unknown paths, wrong methods.
    for (String path :
        List.of(
            "/api/webhooks/not-a-uuid",
            "/api/webhooks/00000000-0000-0000-0000-000000000000",
            "/api/webhooks/{webhook}/deliveries?page=-1",
            "/api/webhooks/{webhook}/deliveries?size=0",
            "/api/webhooks/{webhook}/deliveries?size=101",
            "/api/webhooks/{webhook}/deliveries?size=twenty",
            "/api/webhooks/not-a-uuid/deliveries",
            "/api/webhooks/00000000-0000-0000-0000-000000000000/deliveries",
            "/api/notifications?page=-1",
            "/api/notifications?size=0",
            "/api/notifications?size=1000",
            "/api/notifications?page=first",
            "/calendar/not-a-token.ics",
            "/calendar/%27%20OR%201%3D1.ics",
            "/api/nothing-here")) {
      corpus.add(new Case("GET", path, null, null, COORDINATOR));
    }
    for (String path :
        List.of(
            "/api/webhooks/not-a-uuid/enable",
            "/api/webhooks/00000000-0000-0000-0000-000000000000/enable",
            "/api/notifications/not-a-uuid/read",
            "/api/notifications/00000000-0000-0000-0000-000000000000/read")) {
      corpus.add(new Case("POST", path, null, null, COORDINATOR));
    }
    for (String path :
        List.of(
            "/api/webhooks/not-a-uuid",
            "/api/webhooks/00000000-0000-0000-0000-000000000000",
            "/api/follows/not-a-uuid",
            "/api/follows/00000000-0000-0000-0000-000000000000",
            "/api/webhooks",
            "/api/me/notification-preferences")) {
      corpus.add(new Case("DELETE", path, null, null, COORDINATOR));
    }
    corpus.add(new Case("PUT", "/api/webhooks/{webhook}", JSON, "{}", COORDINATOR));
    corpus.add(new Case("PATCH", "/api/follows/{follow}", JSON, "{}", COORDINATOR));
    corpus.add(new Case("POST", "/api/notifications", JSON, "{}", COORDINATOR));

    // The dead letters, sent by a platform admin, who may list and replay them.
    for (String path :
        List.of(
            "/api/admin/dead-letters?state=lost",
            "/api/admin/dead-letters?topic=upr.secrets.v1",
            "/api/admin/dead-letters?topic=%27%20OR%201%3D1",
            "/api/admin/dead-letters/not-a-uuid")) {
      corpus.add(new Case("GET", path, null, null, PLATFORM_ADMIN));
    }
    for (String path :
        List.of(
            "/api/admin/dead-letters/not-a-uuid/replay",
            "/api/admin/dead-letters/00000000-0000-0000-0000-000000000000/replay",
            "/api/admin/dead-letters/replay?topic=upr.secrets.v1")) {
      corpus.add(new Case("POST", path, null, null, PLATFORM_ADMIN));
    }
    corpus.add(new Case("DELETE", "/api/admin/dead-letters", null, null, PLATFORM_ADMIN));
    return corpus;
  }

  private static void add(
      List<Case> corpus, String method, String path, RequestPostProcessor who, String... bodies) {
    for (String body : bodies) {
      corpus.add(new Case(method, path, JSON, body, who));
    }
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * One bad request and who sends it: someone allowed to make the change, so only the input is bad.
   */
  private record Case(
      String method, String path, String contentType, String body, RequestPostProcessor who) {

    /** The case in one line: control characters escaped, long bodies cut, with their length. */
    String label() {
      String shown =
          body == null
              ? "-"
              : body.length() > 80
                  ? escaped(body.substring(0, 80)) + "... (" + body.length() + " chars)"
                  : escaped(body);
      return method + " " + path + " " + contentType + " " + shown;
    }

    private static String escaped(String text) {
      StringBuilder out = new StringBuilder(text.length());
      for (char c : text.toCharArray()) {
        if (c == '\n') {
          out.append("\\n");
        } else if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
