package org.uprengage.engine.submission;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Decisions waiting on heads of office and the RC, with the text to decide on, and their history.
 */
class ApprovalsTest extends EngineIntegrationTest {

  @Test
  void headsOfOfficeSeeTheTextWaitingForThemAndEveryDecisionIsKept() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafted(team);
    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"Joint submission, round 1\"}", coordinator(team))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/approvals").with(headUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].stage").value("clearance"))
        .andExpect(jsonPath("$[0].round").value(1))
        .andExpect(jsonPath("$[0].text").value("Joint submission, round 1"))
        .andExpect(jsonPath("$[0].words").value(4))
        .andExpect(jsonPath("$[0].wordLimit").doesNotExist())
        .andExpect(jsonPath("$[0].consolidatedBy").value("coordinator"))
        .andExpect(jsonPath("$[0].task.reviewId").value(reviewId));
    mvc.perform(get("/api/approvals").with(focalUnicef(team))).andExpect(jsonPath("$", hasSize(0)));
    mvc.perform(get("/api/approvals").param("show", "team").with(coordinator(team)))
        .andExpect(jsonPath("$", hasSize(2)));

    String clearance =
        JsonPath.read(
            mvc.perform(get("/api/approvals").with(headUnicef(team)))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$[0].task.id");
    act(clearance, "claim", headUnicef(team));
    complete(
            clearance,
            "{\"decision\":\"send-back\",\"comments\":\"Add the 2024 birth registration figures\"}",
            headUnicef(team))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/approvals").with(headUnicef(team))).andExpect(jsonPath("$", hasSize(0)));
    mvc.perform(get("/api/reviews/" + reviewId + "/submission").with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.round").value(1))
        .andExpect(jsonPath("$.sections", hasSize(2)))
        .andExpect(jsonPath("$.sections[0].agency").value("UNDP"))
        .andExpect(jsonPath("$.sections[1].draftedBy").value("focal-unicef"))
        .andExpect(jsonPath("$.decisions", hasSize(1)))
        .andExpect(jsonPath("$.decisions[0].stage").value("clearance"))
        .andExpect(jsonPath("$.decisions[0].agency").value("UNICEF"))
        .andExpect(jsonPath("$.decisions[0].decision").value("send-back"))
        .andExpect(
            jsonPath("$.decisions[0].comments").value("Add the 2024 birth registration figures"))
        .andExpect(jsonPath("$.decisions[0].decidedBy").value("head-unicef"));
    mvc.perform(get("/api/reviews/" + reviewId + "/submission").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
  }

  @Test
  void aHeadOfOfficeSeesTheTextOfTheRoundTheyLastDecidedOn() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafted(team);
    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"Joint text, round one\"}", coordinator(team))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/approvals").with(headUnicef(team)))
        .andExpect(jsonPath("$[0].seenRound").doesNotExist());
    decide(reviewId, headUnicef(team), "{\"decision\":\"send-back\",\"comments\":\"More\"}");
    decide(
        reviewId,
        person("head-undp", List.of("head-of-office"), "UNDP", List.of(team)),
        "{\"decision\":\"approve\"}");
    String revise =
        taskIds(reviewId, ReviewProcess.TASK_REVISE_AGENCY_SECTION, focalUnicef(team)).get(0);
    act(revise, "claim", focalUnicef(team));
    complete(revise, "{\"text\":\"Our section, revised\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"Joint text, round two\"}", coordinator(team))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/approvals").with(headUnicef(team)))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].round").value(2))
        .andExpect(jsonPath("$[0].text").value("Joint text, round two"))
        .andExpect(jsonPath("$[0].seenRound").value(1))
        .andExpect(jsonPath("$[0].seenText").value("Joint text, round one"));
  }

  private void decide(String reviewId, RequestPostProcessor head, String decision)
      throws Exception {
    String clearance =
        JsonPath.read(
            mvc.perform(get("/api/approvals").with(head))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$[0].task.id");
    act(clearance, "claim", head);
    complete(clearance, decision, head).andExpect(status().isNoContent());
  }

  /** A review whose UNICEF and UNDP sections are drafted, waiting for consolidation. */
  private String drafted(String team) throws Exception {
    String reviewId = planned(team, 42, "UNICEF", "UNDP");
    for (RequestPostProcessor focal : List.of(focalUnicef(team), focalUndp(team))) {
      String draft = taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focal).get(0);
      act(draft, "claim", focal);
      complete(draft, "{\"text\":\"Our section\"}", focal).andExpect(status().isNoContent());
    }
    return reviewId;
  }
}
