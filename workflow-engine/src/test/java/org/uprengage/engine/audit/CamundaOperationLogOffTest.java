package org.uprengage.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Task commands, run as the authenticated caller, leave Camunda's user operation log empty; the
 * platform's audit trail has their rows.
 */
class CamundaOperationLogOffTest extends EngineIntegrationTest {

  @Test
  void aTaskCommandWritesTheAuditTrailAndNotCamundasOperationLog() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team)).andExpect(status().isOk());
    act(plan, "unclaim", coordinator(team)).andExpect(status().isOk());
    act(plan, "claim", coordinator(team)).andExpect(status().isOk());
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team))
        .andExpect(status().isNoContent());

    assertThat(
            jdbc.queryForList(
                "SELECT action, outcome FROM upr_audit WHERE task_id = ? ORDER BY id", plan))
        .extracting(row -> row.get("action") + " " + row.get("outcome"))
        .containsExactly(
            "POST /api/tasks/{id}/claim 200",
            "POST /api/tasks/{id}/unclaim 200",
            "POST /api/tasks/{id}/claim 200",
            "POST /api/tasks/{id}/complete 204");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM act_hi_op_log WHERE task_id_ = ? OR proc_inst_id_ ="
                    + " (SELECT process_instance_id FROM upr_review WHERE id = ?::uuid)",
                Integer.class,
                plan,
                reviewId))
        .isZero();
  }
}
