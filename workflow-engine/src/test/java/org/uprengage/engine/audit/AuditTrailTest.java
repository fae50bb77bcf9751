package org.uprengage.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.task.TaskClaimed;

/**
 * The audit trail: every change attempted, with who, what, when, from where and how it ended; a
 * change that commits has its row in its own transaction, one that fails is recorded afterwards.
 */
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

  @Test
  void aChangeWhoseTransactionFailsLeavesNeitherTheChangeNorItsRowOnlyTheFailure()
      throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    RequestPostProcessor saboteur =
        person("audit-saboteur", List.of("coordinator"), null, List.of(team));
    // The database refuses, at commit, any transaction that wrote a row of a change of this person.
    jdbc.execute(
        "CREATE OR REPLACE FUNCTION upr_test_refuse_commit() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$");
    jdbc.execute(
        "CREATE CONSTRAINT TRIGGER upr_test_fail_at_commit AFTER INSERT ON upr_audit"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            + " WHEN (NEW.actor = 'audit-saboteur' AND NEW.outcome < 400)"
            + " EXECUTE FUNCTION upr_test_refuse_commit()");
    try {
      act(plan, "claim", saboteur).andExpect(status().isInternalServerError());
    } finally {
      jdbc.execute("DROP TRIGGER upr_test_fail_at_commit ON upr_audit");
    }

    mvc.perform(get("/api/tasks/" + plan).with(coordinator(team)))
        .andExpect(jsonPath("$.assignee").doesNotExist());
    assertThat(outboxTypes(reviewId)).doesNotContain(TaskClaimed.TYPE);
    assertThat(trailOf(plan)).containsExactly(Map.of("actor", "audit-saboteur", "outcome", 500));

    act(plan, "claim", saboteur).andExpect(status().isOk());
    assertThat(trailOf(plan))
        .containsExactly(
            Map.of("actor", "audit-saboteur", "outcome", 500),
            Map.of("actor", "audit-saboteur", "outcome", 200));
    assertThat(outboxTypes(reviewId)).contains(TaskClaimed.TYPE);
  }

  @Test
  void aRefusedAttemptIsRecordedWithItsStatusAndWhatItConcerns() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF");
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    postJson("/api/tasks/" + draft + "/assign", "{\"assignee\":\"rc\"}", focalUndp(team))
        .andExpect(status().isNotFound());
    postJson("/api/tasks/" + draft + "/assign", "{\"assignee\":\"rc\"}", focalUnicef(team))
        .andExpect(status().isForbidden());

    mvc.perform(get("/api/tasks/" + draft + "/audit").with(coordinator(team)))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].actor").value("focal-undp"))
        .andExpect(jsonPath("$[0].outcome").value(404))
        .andExpect(jsonPath("$[0].reviewId").doesNotExist())
        .andExpect(jsonPath("$[1].action").value("POST /api/tasks/{id}/assign"))
        .andExpect(jsonPath("$[1].actor").value("focal-unicef"))
        .andExpect(jsonPath("$[1].outcome").value(403))
        .andExpect(jsonPath("$[1].reviewId").value(reviewId));
  }

  @Test
  void eachTaskOfABulkRequestHasItsOwnRow() throws Exception {
    String team = newCountryTeam();
    String first = startReview(team, 41, coordinator(team));
    String second = startReview(team, 42, coordinator(team));
    String plan1 = taskIds(first, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    String plan2 = taskIds(second, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    String missing = "no-such-task-of-" + team;

    postJson(
            "/api/tasks/bulk/claim",
            "{\"taskIds\":[\"" + plan1 + "\",\"" + missing + "\",\"" + plan2 + "\"]}",
            coordinator(team))
        .andExpect(status().isOk());

    assertThat(
            jdbc.queryForList(
                "SELECT task_id, review_id::text AS review_id, outcome FROM upr_audit"
                    + " WHERE action = 'POST /api/tasks/bulk/claim' AND task_id IN (?, ?, ?)"
                    + " ORDER BY id",
                plan1,
                missing,
                plan2))
        .containsExactly(
            Map.of("task_id", plan1, "review_id", first, "outcome", 200),
            row(missing, null, 404),
            Map.of("task_id", plan2, "review_id", second, "outcome", 200));
  }

  @Test
  void theAddressForwardedIsBelievedOnlyFromATrustedProxy() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);

    unclaimFrom(plan, "203.0.113.5", "198.51.100.77", coordinator(team)) // not a proxy of ours
        .andExpect(status().isOk());
    unclaimFrom(plan, "127.0.0.1", "198.51.100.77", coordinator(team)) // web-api on this host
        .andExpect(status().isOk());
    unclaimFrom(plan, "127.0.0.1", "198.51.100.66, 203.0.113.9", coordinator(team))
        .andExpect(status().isOk()); // the client made up the first; web-api added its peer

    mvc.perform(get("/api/tasks/" + plan + "/audit").with(coordinator(team)))
        .andExpect(jsonPath("$[0].remoteAddress").value("203.0.113.5"))
        .andExpect(jsonPath("$[1].remoteAddress").value("198.51.100.77"))
        .andExpect(jsonPath("$[2].remoteAddress").value("203.0.113.9"));
  }

  /** Gives a task back (a change that changes nothing here) as sent from {@code peer}. */
  private ResultActions unclaimFrom(
      String taskId, String peer, String forwardedFor, RequestPostProcessor who) throws Exception {
    return mvc.perform(
        post("/api/tasks/" + taskId + "/unclaim")
            .with(who)
            .with(
                request -> {
                  request.setRemoteAddr(peer);
                  return request;
                })
            .header("X-Forwarded-For", forwardedFor));
  }

  private List<Map<String, Object>> trailOf(String taskId) {
    return jdbc.queryForList(
        "SELECT actor, outcome FROM upr_audit WHERE task_id = ? ORDER BY id", taskId);
  }

  private static Map<String, Object> row(String taskId, String reviewId, int outcome) {
    Map<String, Object> row = new HashMap<>();
    row.put("task_id", taskId);
    row.put("review_id", reviewId);
    row.put("outcome", outcome);
    return row;
  }
}
