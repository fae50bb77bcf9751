package org.uprengage.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Camunda's history without what the platform never reads ({@link CamundaHistoryTrim}, task metrics
 * off): no variable update details, no assignee links' history, no multi-instance counters, no task
 * meter log; and with what it reads: the tasks' history with holder, end and duration, the
 * candidate links that let a finished task's candidates learn what became of it, the variables'
 * last values, the activity instances, the audit trail and the review's deadlines read from the
 * tasks' history.
 */
class CamundaHistoryTrimTest extends EngineIntegrationTest {

  @Test
  void historyKeepsWhatThePlatformReadsAndLeavesOutTheRest() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF", "UNDP");
    String instance =
        jdbc.queryForObject(
            "SELECT process_instance_id FROM upr_review WHERE id = ?::uuid",
            String.class,
            reviewId);
    String unicef =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    String undp =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUndp(team)).get(0);
    act(unicef, "claim", focalUnicef(team)).andExpect(status().isOk());
    act(unicef, "unclaim", focalUnicef(team)).andExpect(status().isOk());
    act(unicef, "claim", focalUnicef(team)).andExpect(status().isOk());
    complete(unicef, "{\"text\":\"UNICEF's section\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    act(undp, "claim", focalUndp(team)).andExpect(status().isOk());
    complete(undp, "{\"text\":\"UNDP's section\"}", focalUndp(team))
        .andExpect(status().isNoContent());
    // both sections in: the review moved on to the consolidation
    assertThat(taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)))
        .hasSize(1);

    // left out
    assertThat(count("SELECT count(*) FROM act_hi_detail WHERE root_proc_inst_id_ = ?", instance))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM act_hi_identitylink WHERE root_proc_inst_id_ = ?"
                    + " AND type_ IN ('assignee', 'owner')",
                instance))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM act_hi_varinst WHERE root_proc_inst_id_ = ? AND name_ IN"
                    + " ('nrOfInstances', 'nrOfActiveInstances', 'nrOfCompletedInstances',"
                    + " 'loopCounter')",
                instance))
        .isZero();
    assertThat(count("SELECT count(*) FROM act_ru_task_meter_log")).isZero();

    // kept: each draft's history with its holder, its end and its duration
    for (Map.Entry<String, String> draft :
        Map.of(unicef, "focal-unicef", undp, "focal-undp").entrySet()) {
      assertThat(
              jdbc.queryForMap(
                  "SELECT assignee_, delete_reason_, end_time_ IS NOT NULL AS ended,"
                      + " duration_ = (EXTRACT(EPOCH FROM end_time_ - start_time_) * 1000)::bigint"
                      + " AS duration_right FROM act_hi_taskinst WHERE id_ = ?",
                  draft.getKey()))
          .containsEntry("assignee_", draft.getValue())
          .containsEntry("delete_reason_", "completed")
          .containsEntry("ended", true)
          .containsEntry("duration_right", true);
      assertThat(
              jdbc.queryForMap(
                  "SELECT assignee_, end_time_ IS NOT NULL AND duration_ IS NOT NULL AS ended"
                      + " FROM act_hi_actinst WHERE task_id_ = ?",
                  draft.getKey()))
          .containsEntry("assignee_", draft.getValue())
          .containsEntry("ended", true);
      assertThat(
              jdbc.queryForList(
                  "SELECT group_id_ FROM act_hi_identitylink WHERE task_id_ = ?"
                      + " AND type_ = 'candidate'",
                  String.class,
                  draft.getKey()))
          .isNotEmpty();
    }
    // the variables' last values, the plan's agencies among them
    assertThat(
            count(
                "SELECT count(*) FROM act_hi_varinst WHERE root_proc_inst_id_ = ?"
                    + " AND name_ = 'agencies'",
                instance))
        .isPositive();

    // what the platform reads of it: a candidate who comes too late learns who completed it ...
    JwtRequestPostProcessor otherUnicefFocal =
        person("focal-unicef-2", List.of("focal-point"), "UNICEF", List.of(team));
    act(unicef, "claim", otherUnicefFocal)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.state").value("completed"))
        .andExpect(jsonPath("$.current.assignee").value("focal-unicef"));
    // ... the task's trail has every change of its holder, and the late attempt ...
    mvc.perform(get("/api/tasks/" + unicef + "/audit").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(5))
        .andExpect(jsonPath("$[4].outcome").value(409))
        .andExpect(jsonPath("$[1].action").value("POST /api/tasks/{id}/unclaim"))
        .andExpect(jsonPath("$[1].actor").value("focal-unicef"));
    // ... and the review's deadlines stand by the tasks' history (planned in 2026 for 2022 dates)
    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.milestones[0].status").value("missed"));
    mvc.perform(get("/api/reviews/" + reviewId + "/timeline").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.event == 'task.claimed')].actor")
                .value(org.hamcrest.Matchers.hasItems("focal-unicef", "focal-undp")));
  }

  private int count(String sql, Object... args) {
    Integer found = jdbc.queryForObject(sql, Integer.class, args);
    return found == null ? 0 : found;
  }
}
