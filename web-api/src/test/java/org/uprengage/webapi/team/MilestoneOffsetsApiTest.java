package org.uprengage.webapi.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** A country team's milestone offsets, relayed to the engine with their nulls. */
class MilestoneOffsetsApiTest extends DemoApiTest {

  @Test
  void aTeamsMilestoneOffsetsAreRelayedWithTheNullsThatResetThem() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"countryTeam\":\"GHA\",\"offsets\":[{\"key\":\"agencyDraftsDue\",\"daysBefore\":35,\"before\":\"unEntitySubmission\",\"source\":\"team\",\"changedBy\":\"coordinator\"}]}");
    mvc.perform(
            put("/api/country-teams/GHA/milestone-offsets")
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
}
