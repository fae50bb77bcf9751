package org.uprengage.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.uprengage.notification.NotificationIntegrationTest;

class LiveInboxTest extends NotificationIntegrationTest {

  @Test
  void aStreamIsAnsweredWithAllItsHeadersOnTheRequestsOwnThread() throws Exception {
    MvcResult live = openStream("focal-undp", "UNDP");
    // committed, with the security filters' headers, before the request's thread left: the
    // writers that push notifications later never write headers
    MockHttpServletResponse response = live.getResponse();
    assertThat(response.isCommitted()).isTrue();
    assertThat(response.getContentAsString()).startsWith(":connected\n\n");
    assertThat(response.getContentType()).startsWith("text/event-stream");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void eachNewInAppNotificationIsPushedToTheRecipientsOpenStreamOnly() throws Exception {
    MvcResult undp = openStream("focal-undp", "UNDP");
    MvcResult unicef = openStream("focal-unicef", "UNICEF");
    String taskId = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNDP"))).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> undp.getResponse().getContentAsString(StandardCharsets.UTF_8).contains(taskId));
    String stream = undp.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(undp.getResponse().getContentType()).startsWith("text/event-stream");
    assertThat(stream)
        .contains("event:notification")
        .contains(
            "\"title\":\"Nouvelle tâche pour votre groupe : Rédiger la section de l'agence\"");
    String id =
        jdbc.queryForObject(
            "SELECT id::text FROM ns_notification WHERE task_id = ? AND recipient = 'focal-undp'",
            String.class,
            taskId);
    assertThat(stream).contains("id:" + id);
    assertThat(unicef.getResponse().getContentAsString()).doesNotContain(taskId);
  }

  private MvcResult openStream(String username, String agency) throws Exception {
    return mvc.perform(
            get("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .with(as(username, agency, "focal-point")))
        .andExpect(request().asyncStarted())
        .andReturn();
  }
}
