package org.uprengage.webapi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** The directory relayed to the engine: the team asked for, the CSV as it was sent. */
class PeopleApiTest extends DemoApiTest {

  @Test
  void aTeamsPeopleAreAskedOfTheEngine() throws Exception {
    engine.answer(
        200,
        "application/json",
        "[{\"username\":\"awanjiru\",\"displayName\":\"Amina Wanjiru\",\"roles\":[\"focal-point\"],\"countryTeams\":[\"KEN\"],\"source\":\"token\",\"version\":1}]");
    mvc.perform(get("/api/people?countryTeam=KEN").header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].username").value("awanjiru"));
    assertThat(engine.last().uri()).isEqualTo("/api/people?countryTeam=KEN");
  }

  @Test
  void aCsvIsRelayedAsItWasSent() throws Exception {
    String csv =
        "\uFEFFusername,name,email,roles,agency,country_teams,language,time_zone\r\nawanjiru,\"Wanjiru, Amina\",,focal-point,UNICEF,KEN,sw,\r\n";
    engine.answer(
        200,
        "application/json",
        "{\"created\":1,\"updated\":0,\"unchanged\":0,\"rejected\":0,\"rows\":[{\"line\":2,\"username\":\"awanjiru\",\"outcome\":\"created\"}]}");
    mvc.perform(
            post("/api/people/import")
                .header("Authorization", basic("admin", "demo"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows[0].outcome").value("created"));
    assertThat(engine.last().uri()).isEqualTo("/api/people/import");
    assertThat(engine.last().body()).isEqualTo(csv);
  }
}
