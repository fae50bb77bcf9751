package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

class TaskLifecycleTest extends EngineIntegrationTest {

  @Autowired RuntimeService runtime;

  @Test
  void aReviewFlowsFromPlanningToOneDraftPerChosenAgency() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));

    List<String> plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team));
    assertThat(plan).hasSize(1);
    act(plan.get(0), "claim", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("coordinator"));
    complete(plan.get(0), "{\"agencies\":[\"UNICEF\",\"UNDP\"]}", coordinator(team))
        .andExpect(status().isNoContent());

    List<String> unicef =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team));
    List<String> undp = taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUndp(team));
    assertThat(unicef).hasSize(1);
    assertThat(undp).hasSize(1).doesNotContainAnyElementsOf(unicef);

    act(unicef.get(0), "claim", focalUnicef(team)).andExpect(status().isOk());
    act(unicef.get(0), "claim", headUnicef(team))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.assignee").value("focal-unicef"));
    complete(unicef.get(0), "{\"text\":\"UNICEF's section\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    act(undp.get(0), "claim", focalUndp(team)).andExpect(status().isOk());
    complete(undp.get(0), "{\"text\":\"UNDP's section\"}", focalUndp(team))
        .andExpect(status().isNoContent());

    String processInstanceId = // the UN submission stage's instance (called by upr-review)
        jdbc.queryForObject(
            "SELECT e.id_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE e.business_key_ = ? AND d.key_ = ? AND e.id_ = e.proc_inst_id_",
            String.class,
            reviewId,
            ReviewProcess.UN_SUBMISSION_PROCESS_KEY);
    assertThat(runtime.getActiveActivityIds(processInstanceId))
        .containsExactly(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
    assertThat(
            jdbc.queryForList(
                "SELECT agency FROM upr_submission_section WHERE review_id = ?::uuid ORDER BY agency",
                String.class,
                reviewId))
        .containsExactly("UNDP", "UNICEF");
    assertThat(outboxTypes(reviewId))
        .containsExactly(
            "org.uprengage.review.started.v1",
            TaskCreated.TYPE,
            TaskClaimed.TYPE,
            TaskCompleted.TYPE,
            TaskCreated.TYPE,
            TaskCreated.TYPE,
            TaskClaimed.TYPE,
            TaskCompleted.TYPE,
            TaskClaimed.TYPE,
            TaskCompleted.TYPE,
            TaskCreated.TYPE);
  }

  @Test
  void givingATaskBackOffersItToTheGroupAgainAndRaisesUnclaimed() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);

    act(plan, "claim", coordinator(team)).andExpect(status().isOk());
    act(plan, "unclaim", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").doesNotExist());

    assertThat(outboxTypes(reviewId)).endsWith(TaskClaimed.TYPE, TaskUnclaimed.TYPE);
    assertThat(taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)))
        .containsExactly(plan);
  }

  @Test
  void theTaskListCanBeNarrowedToOneReview() throws Exception {
    String team = newCountryTeam();
    String first = startReview(team, 41, coordinator(team));
    String second = startReview(team, 42, coordinator(team));
    String firstPlan = taskIds(first, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(firstPlan, "claim", coordinator(team)).andExpect(status().isOk());

    mvc.perform(get("/api/tasks").param("reviewId", second).with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].reviewId").value(second));
    mvc.perform(get("/api/tasks").param("reviewId", first).with(coordinator(team)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(firstPlan));
    mvc.perform(get("/api/tasks").param("reviewId", first).with(coordinator(newCountryTeam())))
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void claimingATaskOneAlreadyHoldsChangesNothing() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);

    act(plan, "claim", coordinator(team)).andExpect(status().isOk());
    act(plan, "claim", coordinator(team)).andExpect(status().isOk());

    assertThat(outboxTypes(reviewId)).filteredOn(TaskClaimed.TYPE::equals).hasSize(1);
  }

  @Test
  void aTaskOfAnotherAgencyOrCountryTeamDoesNotExistForTheCaller() throws Exception {
    String team = newCountryTeam();
    String otherTeam = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team))
        .andExpect(status().isNoContent());
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    act(draft, "claim", focalUndp(team))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/not-found"));
    act(draft, "claim", focalUnicef(otherTeam)).andExpect(status().isNotFound());
    act(plan, "claim", coordinator(team))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.state").value("completed"))
        .andExpect(jsonPath("$.current.assignee").value("coordinator"));
    act(plan, "claim", focalUnicef(team)).andExpect(status().isNotFound());
    act(plan, "claim", coordinator(otherTeam)).andExpect(status().isNotFound());
  }

  @Test
  void onlyTheAssigneeCompletesAndOnlyAfterClaiming() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team));
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    complete(draft, "{\"text\":\"early\"}", focalUnicef(team)).andExpect(status().isConflict());
    act(draft, "claim", focalUnicef(team));
    complete(draft, "{\"text\":\"not mine\"}", headUnicef(team)).andExpect(status().isForbidden());
    act(draft, "unclaim", headUnicef(team)).andExpect(status().isForbidden());
  }
}
