package org.uprengage.notification;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.taskstate.ReviewTeams;

/**
 * An admin of another country team (KEN) reaches nothing of GHA's through any endpoint: another
 * team's objects are 404, as a review of another team is in the engine; making something for
 * another team is 403.
 */
class CountryTeamBoundaryTest extends NotificationIntegrationTest {

  private static final RequestPostProcessor KEN_ADMIN =
      caller("admin-ken", null, List.of("KEN"), "admin");
  private static final RequestPostProcessor GHA_COORDINATOR =
      as("coordinator", null, "coordinator");

  @Autowired ObjectMapper json;
  @Autowired ReviewTeams reviews;

  @Test
  void anotherTeamsAdminCannotSubscribeAWebhookForGhaNorSeeOrTouchGhasWebhooks() throws Exception {
    String id =
        created(
            post("/api/webhooks").with(GHA_COORDINATOR),
            """
            {"url":"https://93.184.216.34/hook","eventKinds":["task.created"]}
            """);
    try {
      send(
              post("/api/webhooks").with(KEN_ADMIN),
              """
              {"countryTeam":"GHA","url":"https://93.184.216.34/hook","eventKinds":["task.created"]}
              """)
          .andExpect(status().isForbidden())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
      mvc.perform(get("/api/webhooks").with(KEN_ADMIN))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[?(@.countryTeam == 'GHA')]").isEmpty());
      for (MockHttpServletRequestBuilder request :
          List.of(
              get("/api/webhooks/" + id),
              get("/api/webhooks/" + id + "/deliveries"),
              post("/api/webhooks/" + id + "/enable"),
              delete("/api/webhooks/" + id))) {
        mvc.perform(request.with(KEN_ADMIN))
            .andExpect(status().isNotFound())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
      }
      mvc.perform(get("/api/webhooks/" + id).with(GHA_COORDINATOR)).andExpect(status().isOk());
    } finally {
      jdbc.update("UPDATE ns_webhook SET deleted_at = now() WHERE id = ?::uuid", id);
    }
  }

  @Test
  void anotherTeamsAdminCannotFollowGhaOrItsReviewsNorStopGhasFollows() throws Exception {
    UUID review = UUID.randomUUID();
    reviews.remember(review, "GHA");
    String unicef =
        created(
            post("/api/follows").with(as("head-unicef", "UNICEF", "head-of-office")),
            "{\"countryTeam\":\"GHA\",\"agency\":\"UNICEF\"}");
    try {
      send(post("/api/follows").with(KEN_ADMIN), "{\"reviewId\":\"%s\"}".formatted(review))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.title").value("Review not found"));
      send(post("/api/follows").with(KEN_ADMIN), "{\"countryTeam\":\"GHA\"}")
          .andExpect(status().isForbidden());
      send(post("/api/follows").with(KEN_ADMIN), "{\"countryTeam\":\"GHA\",\"agency\":\"UNICEF\"}")
          .andExpect(status().isForbidden());
      mvc.perform(delete("/api/follows/" + unicef).with(KEN_ADMIN))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/follows").with(KEN_ADMIN))
          .andExpect(jsonPath("$[?(@.id == '" + unicef + "')]").isEmpty());
    } finally {
      jdbc.update("DELETE FROM ns_follow WHERE id = ?::uuid", unicef);
    }
  }

  @Test
  void anotherTeamsAdminCannotMakeAGhaAgencysCalendarFeed() throws Exception {
    send(
            post("/api/calendar-feeds").with(KEN_ADMIN),
            "{\"scope\":\"agency\",\"countryTeam\":\"GHA\",\"agency\":\"UNICEF\"}")
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anotherTeamsAdminReadsOnlyTheirOwnInboxAndPreferences() throws Exception {
    UUID notification = UUID.randomUUID();
    jdbc.update(
        """
        INSERT INTO ns_notification (id, recipient, kind, title, body, event_source, event_id, created_at, in_app)
        VALUES (?, 'coordinator', 'review-event', 'GHA only', 'GHA only', 'test', ?, ?, true)
        """,
        notification,
        UUID.randomUUID().toString(),
        Timestamp.from(Instant.now()));
    mvc.perform(post("/api/notifications/" + notification + "/read").with(KEN_ADMIN))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/notifications").with(KEN_ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.id == '" + notification + "')]").isEmpty());
    mvc.perform(get("/api/me/notification-preferences").with(KEN_ADMIN)).andExpect(status().isOk());
    mvc.perform(get("/api/notifications").with(GHA_COORDINATOR))
        .andExpect(content().string(containsString(notification.toString())));
  }

  private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
    String answer =
        send(request, body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("id").asText();
  }
}
