package org.uprengage.engine.overview;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

class ReviewOverviewTest extends EngineIntegrationTest {

  @Test
  void aReviewShowsItsStageOpenTasksAndHowEachDeadlineStands() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));

    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value("submission"))
        .andExpect(jsonPath("$.step").value("submission-planning"))
        .andExpect(jsonPath("$.openTasks[0].stage").value("submission"))
        .andExpect(jsonPath("$.openTasks[0].taskKey").value(ReviewProcess.TASK_PLAN_SUBMISSION))
        .andExpect(jsonPath("$.openTasks[0].due").value("2022-05-05T21:59:00Z"))
        .andExpect(jsonPath("$.sessionDeadlines.stakeholderSubmission.source").value("official"))
        .andExpect(jsonPath("$.sessionDeadlines.addendumFinal.source").value("official"))
        .andExpect(jsonPath("$.submissionCountsBackFrom").value("stakeholderSubmission"))
        .andExpect(jsonPath("$.milestones[0].key").value("callForInputs"))
        .andExpect(jsonPath("$.milestones[0].status").value("overdue"))
        .andExpect(jsonPath("$.milestones[5].status").value("passed"));

    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team));

    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(jsonPath("$.stage").value("submission"))
        .andExpect(jsonPath("$.step").value("agency-drafting"))
        .andExpect(
            jsonPath("$.milestones[0].status").value("missed")) // planned in 2026 for a 2022 date
        .andExpect(jsonPath("$.milestones[1].status").value("overdue"))
        .andExpect(jsonPath("$.openTasks[0].candidateGroups[0]").value("UNICEF"))
        .andExpect(jsonPath("$.openTasks[0].mayOpen").value(true));
    // each open task says whether the caller may open it: UNICEF's draft is UNICEF's, not UNDP's
    mvc.perform(get("/api/reviews/" + reviewId).with(focalUnicef(team)))
        .andExpect(jsonPath("$.openTasks[0].mayOpen").value(true));
    mvc.perform(get("/api/reviews/" + reviewId).with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openTasks[0].mayOpen").value(false));
  }

  @Test
  void theTimelineTellsWhatHappenedWhenAndByWhom() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 56, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/callForInputs")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\":\"2027-02-01\"}"))
        .andExpect(status().isOk());

    mvc.perform(get("/api/reviews/" + reviewId + "/timeline").with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].event").value("review.started"))
        .andExpect(jsonPath("$[0].actor").value("coordinator"))
        .andExpect(jsonPath("$[1].event").value("task.created"))
        .andExpect(jsonPath("$[1].subject").value("Plan the UN submission"))
        .andExpect(jsonPath("$[1].taskKey").value(ReviewProcess.TASK_PLAN_SUBMISSION))
        .andExpect(jsonPath("$[2].event").value("task.claimed"))
        .andExpect(jsonPath("$[2].actor").value("coordinator"))
        .andExpect(jsonPath("$[3].event").value("deadline.changed"))
        .andExpect(jsonPath("$[3].subject").value("callForInputs"))
        .andExpect(jsonPath("$[3].taskKey").doesNotExist())
        .andExpect(
            jsonPath("$[3].detail").value(startsWith("moved from 2027-01-21 to 2027-02-01")));
    mvc.perform(get("/api/reviews/" + reviewId + "/timeline").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
  }
}
