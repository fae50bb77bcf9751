package org.uprengage.engine.task;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/** Documents attached to tasks by link. */
class TaskAttachmentsTest extends EngineIntegrationTest {

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

  private ResultActions remove(String taskId, String attachmentId, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(delete("/api/tasks/" + taskId + "/attachments/" + attachmentId).with(who));
  }
}
