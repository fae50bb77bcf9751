package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

class BulkTaskTest extends EngineIntegrationTest {

  @Test
  void eachTaskOfABulkRequestGetsItsOwnResultAndFailuresLeaveTheRestDone() throws Exception {
    String team = newCountryTeam();
    String first = startReview(team, 41, coordinator(team));
    String second = startReview(team, 42, coordinator(team));
    String plan1 = taskIds(first, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    String plan2 = taskIds(second, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    String body = "{\"taskIds\":[\"" + plan1 + "\",\"no-such-task\",\"" + plan2 + "\"]}";

    mvc.perform(
            post("/api/tasks/bulk/claim")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value(200))
        .andExpect(jsonPath("$[0].task.assignee").value("coordinator"))
        .andExpect(jsonPath("$[1].status").value(404))
        .andExpect(jsonPath("$[1].problem.title").value("Task not found"))
        .andExpect(jsonPath("$[2].status").value(200));
    mvc.perform(
            post("/api/tasks/bulk/complete")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"taskIds\":[\""
                        + plan1
                        + "\",\""
                        + plan2
                        + "\"],\"input\":{\"agencies\":[\"UNICEF\"]}}"))
        .andExpect(jsonPath("$[0].status").value(200))
        .andExpect(jsonPath("$[1].status").value(200));
    assertThat(taskIds(first, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)))
        .hasSize(1);
  }

  @Test
  void aBulkRequestIsBounded() throws Exception {
    String many = String.join(",", Collections.nCopies(51, "\"x\""));
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .with(coordinator("GHA"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[" + many + "]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .with(coordinator("GHA"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[]}"))
        .andExpect(status().isBadRequest());
  }
}
