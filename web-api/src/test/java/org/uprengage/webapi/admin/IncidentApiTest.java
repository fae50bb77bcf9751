package org.uprengage.webapi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** The engine's incidents relayed: the list as the engine gives it, a retry and its refusals. */
class IncidentApiTest extends DemoApiTest {

  private static final String INCIDENT = "0f6b7a8e-2a4c-11f0-9c1e-0242ac120002";

  @Test
  void theOpenIncidentsAreAskedOfTheEngine() throws Exception {
    engine.answer(
        200,
        "application/json",
        "[{\"id\":\""
            + INCIDENT
            + "\",\"type\":\"failedJob\",\"openedAt\":\"2026-12-03T10:00:00Z\",\"message\":\"Unknown property failOnPurpose\",\"processDefinitionKey\":\"upr-review\",\"activityId\":\"Timer_HandOverToNextReview\",\"retryable\":true}]");
    mvc.perform(get("/api/admin/incidents").header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(INCIDENT))
        .andExpect(jsonPath("$[0].message").value("Unknown property failOnPurpose"));
    assertThat(engine.last().uri()).isEqualTo("/api/admin/incidents");
  }

  @Test
  void aRetryIsRelayedAndAcceptedAsTheEngineAcceptsIt() throws Exception {
    engine.answer(202, "application/json", "");
    mvc.perform(
            post("/api/admin/incidents/" + INCIDENT + "/retry")
                .header("Authorization", basic("admin", "demo")))
        .andExpect(status().isAccepted());
    assertThat(engine.last().uri()).isEqualTo("/api/admin/incidents/" + INCIDENT + "/retry");
  }

  @Test
  void theEnginesRefusalOfSomeoneNotAPlatformAdminIsPassedThrough() throws Exception {
    engine.answer(
        403,
        "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Only platform admins see and retry the engine's incidents.\"}");
    mvc.perform(get("/api/admin/incidents").header("Authorization", basic("admin", "demo")))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail")
                .value("Only platform admins see and retry the engine's incidents."));
  }
}
