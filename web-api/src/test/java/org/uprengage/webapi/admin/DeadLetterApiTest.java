package org.uprengage.webapi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** The dead letters relayed to notification-service: the filters as asked, the replays. */
class DeadLetterApiTest extends DemoApiTest {

  private static final String LETTER = "5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11";

  @Test
  void theParkedOnesOfATopicAreAskedOfNotificationService() throws Exception {
    notifications.answer(
        200,
        "application/json",
        "[{\"id\":\""
            + LETTER
            + "\",\"topic\":\"upr.tasks.v1\",\"reason\":\"not a CloudEvents 1.0 record\",\"parkedAt\":\"2026-12-03T10:00:00Z\"}]");
    mvc.perform(
            get("/api/admin/dead-letters?topic=upr.tasks.v1")
                .header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].reason").value("not a CloudEvents 1.0 record"));
    assertThat(notifications.last().uri())
        .isEqualTo("/api/admin/dead-letters?topic=upr.tasks.v1&state=parked");
  }

  @Test
  void oneAndAllAreReplayedThroughNotificationService() throws Exception {
    notifications.answer(
        200,
        "application/json",
        "{\"id\":\"" + LETTER + "\",\"topic\":\"upr.tasks.v1\",\"replayedBy\":\"admin\"}");
    mvc.perform(
            post("/api/admin/dead-letters/" + LETTER + "/replay")
                .header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replayedBy").value("admin"));
    assertThat(notifications.last().uri())
        .isEqualTo("/api/admin/dead-letters/" + LETTER + "/replay");

    notifications.answer(200, "application/json", "{\"replayed\":3,\"remaining\":0}");
    mvc.perform(
            post("/api/admin/dead-letters/replay?topic=upr.people.v1")
                .header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replayed").value(3));
    assertThat(notifications.last().uri())
        .isEqualTo("/api/admin/dead-letters/replay?topic=upr.people.v1");
  }
}
