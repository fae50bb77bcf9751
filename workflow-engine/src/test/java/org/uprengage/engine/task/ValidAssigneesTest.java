package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * A task goes only to a person of its country team and, for an agency's task, to that agency's
 * people or a coordinator; anyone else is refused with the field named, and nobody is told of it.
 */
class ValidAssigneesTest extends EngineIntegrationTest {

  private String team;
  private String reviewId;
  private String unicefDraft;

  @BeforeEach
  void aReviewWhoseAgenciesDraft() throws Exception {
    team = newCountryTeam();
    reviewId = planned(team, 42, "UNICEF", "UNDP");
    unicefDraft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    known(focalUndp(team), headUnicef(team));
  }

  @Test
  void aPersonNobodyKnowsIsNotAssigned() throws Exception {
    refused("stranger", "is not a person of the country team " + team);
  }

  @Test
  void aPersonOfAnotherCountryTeamIsNotAssigned() throws Exception {
    known(person("focal-unicef-elsewhere", List.of("focal-point"), "UNICEF", List.of("GHA")));
    refused("focal-unicef-elsewhere", "is not a person of the country team " + team);
  }

  @Test
  void anAgencysTaskIsNotAssignedToAnotherAgencysPerson() throws Exception {
    refused("focal-undp", "the task is for UNICEF");
  }

  @Test
  void anAgencysTaskGoesToItsPeopleOrACoordinator() throws Exception {
    known(person("coordinator-2", List.of("coordinator"), null, List.of(team)));
    assign("head-unicef").andExpect(status().isOk());
    assign("coordinator-2").andExpect(status().isOk());
    assertThat(outboxTypes(reviewId)).endsWith(TaskAssigned.TYPE, TaskAssigned.TYPE);
  }

  @Test
  void theHolderDelegatesOnlyWithinTheTasksAgency() throws Exception {
    act(unicefDraft, "claim", focalUnicef(team)).andExpect(status().isOk());
    int events = outboxTypes(reviewId).size();
    postJson(
            "/api/tasks/" + unicefDraft + "/delegate", "{\"to\":\"focal-undp\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    postJson("/api/tasks/" + unicefDraft + "/delegate", "{\"to\":\"nobody\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    assertThat(outboxTypes(reviewId)).hasSize(events);
    postJson(
            "/api/tasks/" + unicefDraft + "/delegate",
            "{\"to\":\"head-unicef\"}",
            focalUnicef(team))
        .andExpect(status().isOk());
  }

  @Test
  void bulkAssignRefusesAStrangerForThatTask() throws Exception {
    String body =
        postJson(
                "/api/tasks/bulk/assign",
                "{\"taskIds\":[\"" + unicefDraft + "\"],\"assignee\":\"stranger\"}",
                coordinator(team))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("\"status\":400");
  }

  private ResultActions assign(String assignee) throws Exception {
    return postJson(
        "/api/tasks/" + unicefDraft + "/assign",
        "{\"assignee\":\"" + assignee + "\"}",
        coordinator(team));
  }

  /** Refused with 400 naming the field, and no event (so no notification) of it. */
  private void refused(String assignee, String says) throws Exception {
    int events = outboxTypes(reviewId).size();
    assign(assignee)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString(says)));
    assertThat(outboxTypes(reviewId)).hasSize(events);
  }
}
