package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * Two workflow-engine nodes on one database, both with their job executors running, fire each due
 * timer once: fifteen tasks overdue from the start, each escalated exactly once, no more after a
 * settling period. What it proves is that a second node never fires a timer again (Camunda's
 * optimistic lock on the job); it does not prove that the nodes share the work: Camunda's job
 * acquisition may hand every job to the node that polls first, so which node ran how many jobs is
 * printed, from the job log, and only checked to name no third node.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class TwoEngineNodesIT {

  @Test
  void everyOverdueTaskIsEscalatedOnceWhileTwoNodesRunTheTimers() throws Exception {
    Platform platform = Platform.get();
    Api admin = new Api(platform.webApi, "admin", "demo");
    Api coordinator = new Api(platform.webApi, "coordinator", "demo");
    List<String> reviewIds = new ArrayList<>();
    for (int session = 30; session < 35; session++) {
      Api.Response created =
          admin.post(
              "/api/sessions",
              "{\"number\":"
                  + session
                  + ",\"startsOn\":\"2021-0"
                  + (session - 29)
                  + "-01\",\"endsOn\":\"2021-0"
                  + (session - 29)
                  + "-12\"}");
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      Api.Response started =
          coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + session + "}");
      assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
      reviewIds.add(started.body().get("id").asText());
    }
    for (String reviewId : reviewIds) {
      String plan = onlyTask(coordinator, reviewId, "UserTask_PlanSubmission");
      await("the plan's escalation")
          .atMost(Duration.ofSeconds(90))
          .until(() -> escalations(platform, reviewIds).containsKey(plan));
      assertThat(coordinator.post("/api/tasks/" + plan + "/claim", null).status()).isEqualTo(200);
      assertThat(
              coordinator
                  .post("/api/tasks/" + plan + "/complete", "{\"agencies\":[\"UNICEF\",\"UNDP\"]}")
                  .status())
          .isEqualTo(204);
    }

    await("fifteen escalations, and no more")
        .atMost(Duration.ofSeconds(120))
        .during(Duration.ofSeconds(10))
        .until(() -> escalations(platform, reviewIds).size() == 15);
    assertThat(escalations(platform, reviewIds).values()).allMatch(count -> count == 1);
    System.out.println("Deadline-watch jobs run by each engine node: " + jobsByNode(platform));
    assertThat(jobsByNode(platform).keySet()).isSubsetOf("engine-1", "engine-2");
  }

  private static String onlyTask(Api who, String reviewId, String taskKey) {
    return who.onlyTask(reviewId, taskKey);
  }

  /** For each task of the reviews, how many "deadline missed" events the outbox holds. */
  private static Map<String, Integer> escalations(Platform platform, List<String> reviewIds)
      throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection db = connect(platform);
        PreparedStatement query =
            db.prepareStatement(
                "SELECT payload::json->'taskIds'->>0 AS task, count(*) FROM upr_event_outbox"
                    + " WHERE type = 'org.uprengage.deadline.missed.v1' AND record_key = ANY (?)"
                    + " GROUP BY 1")) {
      query.setArray(1, db.createArrayOf("text", reviewIds.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }

  /** Which node ran the deadline watches' jobs, from Camunda's job log. */
  private static Map<String, Integer> jobsByNode(Platform platform) throws Exception {
    Map<String, Integer> byNode = new LinkedHashMap<>();
    try (Connection db = connect(platform);
        PreparedStatement query =
            db.prepareStatement(
                "SELECT hostname_, count(*) FROM act_hi_job_log"
                    + " WHERE process_def_key_ = 'upr-deadline-watch' AND job_state_ = 2"
                    + " GROUP BY 1 ORDER BY 1");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        byNode.put(rows.getString(1), rows.getInt(2));
      }
    }
    return byNode;
  }

  private static Connection connect(Platform platform) throws Exception {
    return DriverManager.getConnection(
        platform.engineDatabase,
        TestInfrastructure.postgres().user(),
        TestInfrastructure.postgres().password());
  }
}
