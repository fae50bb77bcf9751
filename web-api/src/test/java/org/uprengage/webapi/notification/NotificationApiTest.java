package org.uprengage.webapi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.uprengage.webapi.DemoApiTest;

/** The inbox, its live stream and the preferences, relayed from notification-service. */
class NotificationApiTest extends DemoApiTest {

  @Autowired private NotificationStreamController relays;

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
  void notificationPreferencesAreRelayedBothWays() throws Exception {
    notifications.answer(
        200,
        "application/json",
        "{\"timeZone\":\"Africa/Accra\",\"kinds\":{\"task-available\":{\"inApp\":true,\"email\":\"digest\",\"mandatory\":false}},\"digestTime\":\"08:00\"}");
    mvc.perform(
            put("/api/me/notification-preferences")
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
  void aLiveStreamIsAnsweredWithAllItsHeadersBeforeTheRelayWritesAnything() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    notifications.stream(
        "text/event-stream",
        "",
        release,
        "id:n1\nevent:notification\ndata:{\"id\":\"n1\",\"title\":\"First\"}\n\n");
    MvcResult live = openStream();
    try {
      // the service has sent nothing yet, and still the answer left on the request's own thread,
      // with the security filters' headers: the relay thread never writes headers
      MockHttpServletResponse response = live.getResponse();
      assertThat(response.isCommitted()).isTrue();
      assertThat(response.getContentAsString()).isEqualTo(":open\n\n");
      assertThat(response.getContentType()).startsWith("text/event-stream");
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeader("Cache-Control")).contains("no-store");
    } finally {
      release.countDown();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> live.getResponse().getContentAsString().contains("\"First\""));
  }

  @Test
  void stoppingWebApiEndsTheRelayedStreamsAndRelaysNoMore() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    notifications.stream("text/event-stream", ":connected\n\n", release, "");
    MvcResult live = openStream();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> live.getResponse().getContentAsString().contains(":connected"));
      relays.stop(); // as when the context closes, before the web server waits for open requests
      live.getAsyncResult(10_000); // ended by web-api, the service's answer still open
      assertThat(live.getResponse().getContentAsString()).isEqualTo(":open\n\n:connected\n\n");
      mvc.perform(
              get("/api/notifications/stream")
                  .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
                  .header("Authorization", basic("focal-undp", "demo")))
          .andExpect(status().isServiceUnavailable());
    } finally {
      relays.start();
      release.countDown();
    }
  }

  @Test
  void liveNotificationsAreRelayedEventByEventNotBuffered() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    notifications.stream(
        "text/event-stream",
        ":connected\n\nid:n1\nevent:notification\ndata:{\"id\":\"n1\",\"title\":\"First\"}\n\n",
        release,
        "id:n2\nevent:notification\ndata:{\"id\":\"n2\",\"title\":\"Second\"}\n\n");
    MvcResult live = openStream();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> live.getResponse().getContentAsString().contains("\"First\""));
      // the service has not finished its answer: the first event came through on its own
      assertThat(live.getResponse().getContentAsString())
          .contains("id:n1\nevent:notification\ndata:{\"id\":\"n1\",\"title\":\"First\"}\n\n")
          .doesNotContain("Second");
      assertThat(live.getResponse().getContentType()).startsWith("text/event-stream");
    } finally {
      release.countDown();
    }
    await()
        .atMost(Duration.ofSeconds(10))
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

  private MvcResult openStream() throws Exception {
    return mvc.perform(
            get("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Authorization", basic("focal-undp", "demo")))
        .andExpect(request().asyncStarted())
        .andReturn();
  }
}
