package org.uprengage.engine.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

class AuditTrailTest extends EngineIntegrationTest {

  @Test
  void everyChangeAttemptedIsKeptWithWhoWhatWhenFromWhereAndOutcome() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    mvc.perform(
            post("/api/tasks/" + plan + "/claim")
                .with(coordinator(team))
                .header("X-Forwarded-For", "192.0.2.10, 127.0.0.1"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/tasks/" + plan + "/complete")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencies\":[\"NOPE\"]}"))
        .andExpect(status().isBadRequest());
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/reviews/" + reviewId + "/audit").with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].action").value("POST /api/reviews"))
        .andExpect(jsonPath("$[0].outcome").value(201))
        .andExpect(jsonPath("$[0].actor").value("coordinator"))
        .andExpect(jsonPath("$[1].action").value("POST /api/tasks/{id}/claim"))
        .andExpect(jsonPath("$[1].remoteAddress").value("192.0.2.10"))
        .andExpect(jsonPath("$[1].taskId").value(plan))
        .andExpect(jsonPath("$[2].outcome").value(400))
        .andExpect(jsonPath("$[3].action").value("POST /api/tasks/{id}/complete"))
        .andExpect(jsonPath("$[3].outcome").value(204));
    // The plan task is finished; its trail stays readable to the review's team, and only to it.
    mvc.perform(get("/api/tasks/" + plan + "/audit").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3));
    mvc.perform(get("/api/tasks/" + plan + "/audit").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/reviews/" + reviewId + "/audit").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
  }
}
