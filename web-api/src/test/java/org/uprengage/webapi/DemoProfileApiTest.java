package org.uprengage.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * web-api's own behaviour in the quick start: sign-in, token relay, validation, problem
 * pass-through.
 */
class DemoProfileApiTest extends DemoApiTest {

  @Test
  void aRequestWithoutCredentialsGets401WithAProblemSayingHowToSignIn() throws Exception {
    mvc.perform(get("/api/tasks"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header()
                .stringValues(
                    "WWW-Authenticate",
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("Basic"))))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aWrongPasswordIsRejected() throws Exception {
    mvc.perform(get("/api/tasks").header("Authorization", basic("coordinator", "wrong")))
        .andExpect(status().isUnauthorized());
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aDemoUserIsRelayedToTheEngineWithAnInternalTokenDescribingThem() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/api/tasks").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));

    assertThat(engine.last().uri())
        .isEqualTo("/api/tasks?show=both&overdue=false&sort=created&order=asc&page=0&size=50");
    assertThat(engine.last().forwardedFor())
        .as("the caller's address, for the audit trail")
        .isEqualTo("127.0.0.1");
    Jwt relayed =
        tokens.decoder().decode(engine.last().authorization().substring("Bearer ".length()));
    assertThat(relayed.getClaimAsString("preferred_username")).isEqualTo("focal-unicef");
    assertThat(relayed.getClaimAsString("agency")).isEqualTo("UNICEF");
    assertThat(relayed.getClaimAsStringList("roles")).containsExactly("focal-point");
    assertThat(relayed.getClaimAsStringList("country_teams")).containsExactly("GHA");
  }

  @Test
  void aTokenFromTheTokenEndpointAuthenticatesAndIsRelayedUnchanged() throws Exception {
    String answer =
        mvc.perform(post("/api/auth/token").header("Authorization", basic("coordinator", "demo")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tokenType").value("Bearer"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(answer, "$.accessToken");

    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("coordinator"))
        .andExpect(jsonPath("$.countryTeams[0]").value("GHA"));
    engine.answer(200, "application/json", "[]");
    mvc.perform(get("/api/sessions").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(engine.last().authorization()).isEqualTo("Bearer " + token);
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token + "x"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void badInputIsRejectedBeforeItReachesTheEngine() throws Exception {
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"Ghana\",\"session\":42}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":42,\"x\":true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("x"));
    mvc.perform(
            get("/api/tasks/{id}", "bad!id").header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    mvc.perform(get("/api/tasks?size=1000").header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void theEnginesProblemsPassThroughUnchanged() throws Exception {
    engine.answer(
        409,
        "application/problem+json",
        "{\"type\":\"https://uprengage.org/problems/conflict\",\"title\":\"Conflict with the current state\",\"status\":409,\"detail\":\"The task is already claimed by focal-unicef.\"}");
    mvc.perform(
            post("/api/tasks/abc-123/claim").header("Authorization", basic("head-unicef", "demo")))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The task is already claimed by focal-unicef."))
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/conflict"));
  }

  @Test
  void aStartedReviewAnswers201WithItsLocation() throws Exception {
    engine.answer(
        201,
        "application/json",
        "{\"id\":\"7f3f4c72-1f67-42c3-9976-600fc9772be3\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\",\"processInstanceId\":\"internal\"}");
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":56}"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string(
                    "Location",
                    "http://localhost/api/reviews/7f3f4c72-1f67-42c3-9976-600fc9772be3"))
        .andExpect(jsonPath("$.processInstanceId").doesNotExist());
    assertThat(engine.last().body()).isEqualTo("{\"country\":\"GHA\",\"session\":56}");
  }

  @Test
  void notificationsComeFromTheNotificationService() throws Exception {
    notifications.answer(
        200, "application/json", "{\"items\":[],\"page\":0,\"size\":20,\"total\":0,\"unread\":0}");
    mvc.perform(get("/api/notifications").header("Authorization", basic("focal-undp", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unread").value(0));
    assertThat(notifications.last().uri()).isEqualTo("/api/notifications?page=0&size=20");
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void webhookSubscriptionsAreRelayedAsTheCallerAndTheirProblemsPassThrough() throws Exception {
    notifications.answer(
        201,
        "application/json",
        "{\"id\":\"5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11\",\"countryTeam\":\"GHA\",\"url\":\"https://hooks.example.org/upr\",\"eventKinds\":[\"task.created\"],\"status\":\"active\",\"consecutiveFailures\":0,\"secret\":\"whsec_x\"}");
    mvc.perform(
            post("/api/webhooks")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"url\":\"https://hooks.example.org/upr\",\"eventKinds\":[\"task.created\"]}"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string(
                    "Location",
                    "http://localhost/api/webhooks/5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11"))
        .andExpect(jsonPath("$.secret").value("whsec_x"));
    assertThat(notifications.last().method()).isEqualTo("POST");
    assertThat(notifications.last().uri()).isEqualTo("/api/webhooks");
    assertThat(notifications.last().authorization()).startsWith("Bearer ");
    assertThat(notifications.last().body())
        .isEqualTo("{\"url\":\"https://hooks.example.org/upr\",\"eventKinds\":[\"task.created\"]}");

    notifications.answer(
        400,
        "application/problem+json",
        "{\"title\":\"Invalid input\",\"status\":400,\"errors\":[{\"field\":\"url\",\"message\":\"must be an http or https URL\"}]}");
    mvc.perform(
            post("/api/webhooks")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"ftp://x\",\"eventKinds\":[\"task.created\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("url"));

    notifications.answer(204, "application/json", "");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/webhooks/5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isNoContent());
    assertThat(notifications.last().method()).isEqualTo("DELETE");
  }

  @Test
  void notificationPreferencesAreRelayedBothWays() throws Exception {
    notifications.answer(
        200,
        "application/json",
        "{\"timeZone\":\"Africa/Accra\",\"kinds\":{\"task-available\":{\"inApp\":true,\"email\":\"digest\",\"mandatory\":false}},\"digestTime\":\"08:00\"}");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/me/notification-preferences")
                .header("Authorization", basic("focal-undp", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"timeZone\":\"Africa/Accra\",\"kinds\":{\"task-available\":{\"email\":\"digest\"}}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kinds['task-available'].email").value("digest"));
    assertThat(notifications.last().method()).isEqualTo("PUT");
    assertThat(notifications.last().uri()).isEqualTo("/api/me/notification-preferences");
    assertThat(notifications.last().body()).contains("\"email\":\"digest\"");
  }

  @Test
  void aCalendarFeedIsRelayedWithoutCredentialsAndAnUnknownOneIsNotFound() throws Exception {
    notifications.answer(
        200, "text/calendar;charset=UTF-8", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    mvc.perform(get("/calendar/abc_DEF-123.ics"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/calendar"))
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("BEGIN:VCALENDAR")));
    assertThat(notifications.last().uri()).isEqualTo("/calendar/abc_DEF-123.ics");
    assertThat(notifications.last().authorization()).isNull();

    notifications.answer(
        404, "application/problem+json", "{\"title\":\"Calendar feed not found\",\"status\":404}");
    mvc.perform(get("/calendar/unknown.ics"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void liveNotificationsAreRelayedEventByEventNotBuffered() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    notifications.stream(
        "text/event-stream",
        ":connected\n\nid:n1\nevent:notification\ndata:{\"id\":\"n1\",\"title\":\"First\"}\n\n",
        release,
        "id:n2\nevent:notification\ndata:{\"id\":\"n2\",\"title\":\"Second\"}\n\n");
    org.springframework.test.web.servlet.MvcResult live =
        mvc.perform(
                get("/api/notifications/stream")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .header("Authorization", basic("focal-undp", "demo")))
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.request()
                    .asyncStarted())
            .andReturn();
    try {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> live.getResponse().getContentAsString().contains("\"First\""));
      // the service has not finished its answer: the first event came through on its own
      assertThat(live.getResponse().getContentAsString())
          .contains("id:n1\nevent:notification\ndata:{\"id\":\"n1\",\"title\":\"First\"}\n\n")
          .doesNotContain("Second");
      assertThat(live.getResponse().getContentType()).startsWith("text/event-stream");
    } finally {
      release.countDown();
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> live.getResponse().getContentAsString().contains("\"Second\""));
    assertThat(notifications.last().uri()).isEqualTo("/api/notifications/stream");
    assertThat(notifications.last().authorization()).startsWith("Bearer ");

    notifications.answer(
        401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
    mvc.perform(
            get("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
                .header("Authorization", basic("focal-undp", "demo")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void sessionChangesCarryTheirVersionBothWays() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"number\":56,\"cycle\":5,\"startsOn\":\"2027-11-01\",\"endsOn\":\"2027-11-12\",\"version\":3}");
    engine.etag("\"3\"");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/sessions/56")
                .header("Authorization", basic("admin", "demo"))
                .header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json")
                .content("{\"stakeholderDeadline\":\"2027-04-08\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.version").value(3));
    assertThat(engine.last().method()).isEqualTo("PATCH");
    assertThat(engine.last().ifMatch()).isEqualTo("\"2\"");
    assertThat(engine.last().contentType()).startsWith("application/merge-patch+json");
    assertThat(engine.last().body()).isEqualTo("{\"stakeholderDeadline\":\"2027-04-08\"}");
  }

  @Test
  void taskFiltersReachTheEngineEncodedAndBadOnesDoNot() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/tasks")
                .param("show", "team")
                .param("q", "agency & section")
                .param("dueBefore", "2027-01-01")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri())
        .contains("show=team", "dueBefore=2027-01-01", "q=agency%20%26%20section");
    int before = engine.received().size();
    mvc.perform(
            get("/api/tasks")
                .param("show", "everything")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("show"));
    assertThat(engine.received()).hasSize(before);
  }

  @Test
  void theStageFilterAndATeamsMilestoneOffsetsAreRelayed() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/tasks")
                .param("stage", "follow-up")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri()).contains("stage=follow-up");
    int before = engine.received().size();
    mvc.perform(
            get("/api/tasks")
                .param("stage", "lunch")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stage"));
    assertThat(engine.received()).hasSize(before);

    engine.answer(
        200,
        "application/json",
        "{\"countryTeam\":\"GHA\",\"offsets\":[{\"key\":\"agencyDraftsDue\",\"daysBefore\":35,\"before\":\"unEntitySubmission\",\"source\":\"team\",\"changedBy\":\"coordinator\"}]}");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/country-teams/GHA/milestone-offsets")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType("application/json")
                .content("{\"daysBefore\":{\"agencyDraftsDue\":35,\"briefings\":null}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.offsets[0].source").value("team"));
    assertThat(engine.last().method()).isEqualTo("PUT");
    assertThat(engine.last().uri()).isEqualTo("/api/country-teams/GHA/milestone-offsets");
    assertThat(engine.last().body())
        .isEqualTo("{\"daysBefore\":{\"agencyDraftsDue\":35,\"briefings\":null}}");
  }

  @Test
  void repeatedFailedSignInsOfAUserAreRefusedForAWhile() throws Exception {
    for (int i = 0; i < 10; i++) {
      mvc.perform(get("/api/me").header("Authorization", basic("rc", "guess-" + i)))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/me").header("Authorization", basic("rc", "demo")))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/me").header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void bulkRequestsAreBoundedBeforeTheyReachTheEngine() throws Exception {
    String many = String.join(",", java.util.Collections.nCopies(51, "\"abc\""));
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[" + many + "]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
    assertThat(engine.received()).isEmpty();
    engine.answer(
        200,
        "application/json",
        "[{\"taskId\":\"abc\",\"status\":404,\"problem\":{\"title\":\"Task not found\",\"status\":404}}]");
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"abc\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value(404))
        .andExpect(jsonPath("$[0].problem.title").value("Task not found"));
  }

  @Test
  void theOpenApiDocumentIsPublic() throws Exception {
    String document =
        mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    // Kept for the OpenAPI lint in .ci/run.
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/reviews'].post").exists())
        .andExpect(jsonPath("$.paths['/api/tasks/{id}/claim'].post").exists())
        .andExpect(jsonPath("$.paths['/api/webhooks'].post").exists())
        .andExpect(jsonPath("$.paths['/api/follows'].post").exists())
        .andExpect(jsonPath("$.paths['/api/notifications/stream'].get").exists())
        .andExpect(jsonPath("$.paths['/api/me/notification-preferences'].put").exists())
        .andExpect(jsonPath("$.paths['/calendar/{token}.ics'].get.security").isEmpty())
        .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
  }
}
