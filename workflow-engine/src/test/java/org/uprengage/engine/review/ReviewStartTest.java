package org.uprengage.engine.review;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;

class ReviewStartTest extends EngineIntegrationTest {

  @Test
  void aCoordinatorStartsTheReviewOfTheirCountryOnceASession() throws Exception {
    String team = newCountryTeam();
    start(coordinator(team), team, "42")
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/reviews/")))
        .andExpect(jsonPath("$.country").value(team))
        .andExpect(jsonPath("$.state").value("ACTIVE"));
    start(coordinator(team), team, "42")
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aFocalPointCannotStartAReview() throws Exception {
    String team = newCountryTeam();
    start(focalUnicef(team), team, "42").andExpect(status().isForbidden());
  }

  @Test
  void aCoordinatorOfAnotherTeamCannotStartIt() throws Exception {
    String team = newCountryTeam();
    String other = newCountryTeam();
    start(coordinator(other), team, "42").andExpect(status().isForbidden());
  }

  @Test
  void badInputNamesTheFieldAtFault() throws Exception {
    String team = newCountryTeam();
    start(coordinator(team), "QQQ", "42")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    start(coordinator(team), "Ghana", "42")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    start(coordinator(team), team, "999")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("session"));
    start(coordinator(team), team, "\"x\"")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("session"));
    mvc.perform(
            post("/api/reviews")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"" + team + "\",\"session\":42,\"x\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("x"));
    mvc.perform(
            post("/api/reviews")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_review WHERE country = ?", Integer.class, team))
        .isZero();
  }

  @Test
  void aReviewOfAnotherCountryTeamDoesNotExistForTheCaller() throws Exception {
    String team = newCountryTeam();
    String other = newCountryTeam();
    String id = startReview(team, 42, coordinator(team));

    mvc.perform(get("/api/reviews/" + id).with(coordinator(team))).andExpect(status().isOk());
    mvc.perform(get("/api/reviews/" + id).with(coordinator(other)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/reviews/not-a-uuid").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void everyApiCallNeedsAToken() throws Exception {
    mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/sessions")).andExpect(status().isUnauthorized());
    mvc.perform(get("/readyz")).andExpect(status().isOk());
  }

  private ResultActions start(RequestPostProcessor who, String country, String session)
      throws Exception {
    return mvc.perform(
        post("/api/reviews")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"country\":\"" + country + "\",\"session\":" + session + "}"));
  }
}
