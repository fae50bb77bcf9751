package org.uprengage.webapi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/** Webhook subscriptions, relayed to notification-service as the caller. */
class WebhookApiTest extends DemoApiTest {

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
            delete("/api/webhooks/5b0c8d43-4f59-4df4-9c1d-2c3f0d7a0b11")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isNoContent());
    assertThat(notifications.last().method()).isEqualTo("DELETE");
  }
}
