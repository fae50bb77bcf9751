package org.uprengage.engine.deadline;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;

/** Each country team keeps its own milestone offsets, used when its next review is planned. */
class TeamMilestoneOffsetsTest extends EngineIntegrationTest {

  @Test
  void aTeamsOwnOffsetsPlanItsNextReviewAndNullGoesBackToTheDefault() throws Exception {
    String team = newCountryTeam();
    String path = "/api/country-teams/" + team + "/milestone-offsets";
    mvc.perform(get(path).with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.offsets[1].key").value("agencyDraftsDue"))
        .andExpect(jsonPath("$.offsets[1].daysBefore").value(42))
        .andExpect(jsonPath("$.offsets[1].source").value("default"))
        .andExpect(jsonPath("$.offsets[6].key").value("briefings"))
        .andExpect(jsonPath("$.offsets[6].before").value("stateReview"));

    change(team, "{\"daysBefore\":{\"agencyDraftsDue\":35,\"briefings\":21}}", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.offsets[1].daysBefore").value(35))
        .andExpect(jsonPath("$.offsets[1].source").value("team"))
        .andExpect(jsonPath("$.offsets[1].changedBy").value("coordinator"));
    String reviewId = startReview(team, 42, coordinator(team)); // UN-entity deadline 14 July 2022

    mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
        .andExpect(jsonPath("$[1].key").value("agencyDraftsDue"))
        .andExpect(jsonPath("$[1].dueOn").value("2022-06-09")) // 35 days before
        .andExpect(jsonPath("$[9].key").value("briefings"))
        // 21 days before the review day computed from the session (1 February 2023)
        .andExpect(jsonPath("$[9].dueOn").value("2023-01-11"));
    change(team, "{\"daysBefore\":{\"agencyDraftsDue\":null}}", coordinator(team))
        .andExpect(jsonPath("$.offsets[1].daysBefore").value(42))
        .andExpect(jsonPath("$.offsets[1].source").value("default"))
        .andExpect(jsonPath("$.offsets[6].daysBefore").value(21));
  }

  @Test
  void badOffsetsAreRefusedNamingTheField() throws Exception {
    String team = newCountryTeam();
    change(team, "{\"daysBefore\":{\"teaBreak\":3}}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore.teaBreak"));
    change(team, "{\"daysBefore\":{\"clearance\":-1}}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore.clearance"));
    change(team, "{\"daysBefore\":{\"consolidation\":50}}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore.consolidation"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(containsString("cannot fall before agencyDraftsDue")));
    change(team, "{}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore"));
  }

  @Test
  void onlyTheTeamsCoordinatorsAndAdminsChangeThem() throws Exception {
    String team = newCountryTeam();
    String body = "{\"daysBefore\":{\"agencyDraftsDue\":35}}";
    change(team, body, focalUnicef(team)).andExpect(status().isForbidden());
    change(team, body, coordinator(newCountryTeam())).andExpect(status().isNotFound());
    change("QQQ", body, admin("QQQ")).andExpect(status().isNotFound());
    // an admin of another team is not one of this team
    change(team, body, admin("GHA")).andExpect(status().isNotFound());
    change(team, body, admin(team)).andExpect(status().isOk());
  }

  private ResultActions change(String team, String json, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        put("/api/country-teams/" + team + "/milestone-offsets")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static RequestPostProcessor admin(String team) {
    return person("admin", List.of("admin"), null, List.of(team));
  }
}
