package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

class ConcurrentClaimTest extends EngineIntegrationTest {

  private static final int CLAIMANTS = 8;

  @Test
  void whenManyClaimATaskAtOnceExactlyOneWinsAndTheOthersGetConflict() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\"]}", coordinator(team))
        .andExpect(status().isNoContent());
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMANTS);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < CLAIMANTS; i++) {
      String who = "unicef-" + i;
      Callable<Integer> claim =
          () -> {
            start.await();
            return act(draft, "claim", person(who, List.of("focal-point"), "UNICEF", List.of(team)))
                .andReturn()
                .getResponse()
                .getStatus();
          };
      outcomes.add(pool.submit(claim));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> outcome : outcomes) {
      statuses.add(outcome.get());
    }
    pool.shutdown();

    assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
    assertThat(outboxTypes(reviewId))
        .filteredOn(TaskClaimed.TYPE::equals)
        .hasSize(2); // the plan's and the draft's
  }
}
