package org.uprengage.engine.task;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/** Decisions waiting on heads of office and the RC, their history, and attachments by link. */
class ApprovalsAndAttachmentsTest extends EngineIntegrationTest {

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
  void documentsAreAttachedByLinkAndRemovedByWhoeverAddedThemOrACoordinator() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF");
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    String added =
        postJson(
                "/api/tasks/" + draft + "/attachments",
                "{\"name\":\"UNICEF draft v1\",\"url\":\"https://drive.example.org/d/abc\",\"description\":\"for comments\"}",
                focalUnicef(team))
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", startsWith("/api/tasks/" + draft + "/attachments/")))
            .andExpect(jsonPath("$.addedBy").value("focal-unicef"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String attachment = JsonPath.read(added, "$.id");
    postJson(
            "/api/tasks/" + draft + "/attachments",
            "{\"name\":\"Draft\",\"url\":\"javascript:alert(1)\"}",
            focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("url"));

    mvc.perform(get("/api/tasks/" + draft + "/attachments").with(headUnicef(team)))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].url").value("https://drive.example.org/d/abc"));
    mvc.perform(get("/api/tasks/" + draft + "/attachments").with(focalUndp(team)))
        .andExpect(status().isNotFound());
    remove(draft, attachment, headUnicef(team)).andExpect(status().isForbidden());
    remove(draft, attachment, coordinator(team)).andExpect(status().isNoContent());
    remove(draft, attachment, coordinator(team)).andExpect(status().isNotFound());

    for (int i = 0; i < TaskAttachment.MAX_PER_TASK; i++) {
      postJson(
              "/api/tasks/" + draft + "/attachments",
              "{\"name\":\"Annex " + i + "\",\"url\":\"https://drive.example.org/a/" + i + "\"}",
              focalUnicef(team))
          .andExpect(status().isCreated());
    }
    postJson(
            "/api/tasks/" + draft + "/attachments",
            "{\"name\":\"One too many\",\"url\":\"https://drive.example.org/a/x\"}",
            focalUnicef(team))
        .andExpect(status().isConflict());

    act(draft, "claim", focalUnicef(team));
    complete(draft, "{\"text\":\"UNICEF section\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/tasks/" + draft + "/attachments").with(headUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(TaskAttachment.MAX_PER_TASK)));
    mvc.perform(get("/api/tasks/" + draft + "/attachments").with(focalUndp(team)))
        .andExpect(status().isNotFound());
  }

  private org.springframework.test.web.servlet.ResultActions remove(
      String taskId, String attachmentId, RequestPostProcessor who) throws Exception {
    return mvc.perform(delete("/api/tasks/" + taskId + "/attachments/" + attachmentId).with(who));
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
