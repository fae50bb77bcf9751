package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Eight requests of one command on one task at the same moment, on the real database: one wins,
 * each of the others gets 409 with the task as it is now (or what became of it), never a 500.
 */
class ConcurrentTaskCommandsTest extends EngineIntegrationTest {

  private static final int CLIENTS = 8;

  @Test
  void whenManyClaimATaskAtOnceExactlyOneWinsAndTheOthersGetConflict() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF");
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/tasks/" + draft + "/claim")
                    .with(person("unicef-" + i, List.of("focal-point"), "UNICEF", List.of(team))));

    assertOneWinner(answers, 200);
    assertThat(outboxTypes(reviewId))
        .filteredOn(TaskClaimed.TYPE::equals)
        .hasSize(2); // the plan's and the draft's
  }

  @Test
  void whenTheHolderCompletesATaskEightTimesAtOnceOneCompletesItAndSevenLearnItWasCompleted()
      throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team)).andExpect(status().isOk());

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/tasks/" + plan + "/complete")
                    .with(coordinator(team))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"agencies\":[\"UNICEF\"]}"));

    assertOneWinner(answers, 204);
    for (MockHttpServletResponse loser : losers(answers)) {
      assertThat((String) JsonPath.read(loser.getContentAsString(), "$.current.state"))
          .isEqualTo("completed");
    }
    assertThat(outboxTypes(reviewId)).filteredOn(TaskCompleted.TYPE::equals).hasSize(1);
  }

  @Test
  void whenTheHolderGivesATaskBackEightTimesAtOnceFromOneVersionOneSucceeds() throws Exception {
    String team = newCountryTeam();
    String draft = claimedDraft(team);
    String version = version(draft, focalUnicef(team));

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/tasks/" + draft + "/unclaim")
                    .with(focalUnicef(team))
                    .header("If-Match", version));

    assertOneWinner(answers, 200);
    for (MockHttpServletResponse loser : losers(answers)) {
      Map<String, Object> current = JsonPath.read(loser.getContentAsString(), "$.current");
      assertThat(current).containsEntry("id", draft).doesNotContainKey("assignee");
    }
  }

  @Test
  void whenCoordinatorsAssignATaskToEightPeopleAtOnceFromOneVersionOneSucceeds() throws Exception {
    String team = newCountryTeam();
    String draft = claimedDraft(team);
    knownUnicefPeople(team);
    String version = version(draft, coordinator(team));

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/tasks/" + draft + "/assign")
                    .with(coordinator(team))
                    .header("If-Match", version)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"assignee\":\"unicef-" + i + "\"}"));

    MockHttpServletResponse winner = assertOneWinner(answers, 200);
    String assignee = JsonPath.read(winner.getContentAsString(), "$.assignee");
    for (MockHttpServletResponse loser : losers(answers)) {
      assertThat((String) JsonPath.read(loser.getContentAsString(), "$.current.assignee"))
          .isEqualTo(assignee);
    }
  }

  @Test
  void whenTheHolderDelegatesATaskToEightPeopleAtOnceOneDelegationHolds() throws Exception {
    String team = newCountryTeam();
    String draft = claimedDraft(team);
    knownUnicefPeople(team);

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/tasks/" + draft + "/delegate")
                    .with(focalUnicef(team))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"to\":\"unicef-" + i + "\"}"));

    MockHttpServletResponse winner = assertOneWinner(answers, 200);
    String delegate = JsonPath.read(winner.getContentAsString(), "$.assignee");
    for (MockHttpServletResponse loser : losers(answers)) {
      assertThat((String) JsonPath.read(loser.getContentAsString(), "$.current.assignee"))
          .isEqualTo(delegate);
      assertThat((String) JsonPath.read(loser.getContentAsString(), "$.current.delegationState"))
          .isEqualTo("PENDING");
    }
  }

  @Test
  void whenTheDelegateResolvesATaskEightTimesAtOnceOneHandsItBack() throws Exception {
    String team = newCountryTeam();
    String draft = claimedDraft(team);
    known(headUnicef(team));
    postJson("/api/tasks/" + draft + "/delegate", "{\"to\":\"head-unicef\"}", focalUnicef(team))
        .andExpect(status().isOk());

    List<MockHttpServletResponse> answers =
        collide(i -> post("/api/tasks/" + draft + "/resolve").with(headUnicef(team)));

    assertOneWinner(answers, 200);
    for (MockHttpServletResponse loser : losers(answers)) {
      assertThat((String) JsonPath.read(loser.getContentAsString(), "$.current.delegationState"))
          .isEqualTo("RESOLVED");
    }
  }

  @Test
  void whenEightStartTheSameReviewAtOnceOneIsCreatedAndTheOthersConflict() throws Exception {
    String team = newCountryTeam();

    List<MockHttpServletResponse> answers =
        collide(
            i ->
                post("/api/reviews")
                    .with(coordinator(team))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"country\":\"" + team + "\",\"session\":42}"));

    assertOneWinner(answers, 201);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_review WHERE country = ?", Integer.class, team))
        .isEqualTo(1);
  }

  /** A planned review's UNICEF draft, claimed by UNICEF's focal point; returns its id. */
  private String claimedDraft(String team) throws Exception {
    String reviewId = planned(team, 42, "UNICEF");
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    act(draft, "claim", focalUnicef(team)).andExpect(status().isOk());
    return draft;
  }

  private String version(String taskId, RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/api/tasks/" + taskId).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getHeader("ETag");
  }

  /** Sends the {@value #CLIENTS} requests from as many threads, released at once by a latch. */
  private List<MockHttpServletResponse> collide(IntFunction<MockHttpServletRequestBuilder> request)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<MockHttpServletResponse>> outcomes = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        MockHttpServletRequestBuilder one = request.apply(i);
        Callable<MockHttpServletResponse> send =
            () -> {
              ready.countDown();
              go.await();
              return mvc.perform(one).andReturn().getResponse();
            };
        outcomes.add(pool.submit(send));
      }
      ready.await();
      go.countDown();
      List<MockHttpServletResponse> answers = new ArrayList<>();
      for (Future<MockHttpServletResponse> outcome : outcomes) {
        answers.add(outcome.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }

  /** Exactly one answer has the winner's status, every other is a problem+json 409. */
  private static MockHttpServletResponse assertOneWinner(
      List<MockHttpServletResponse> answers, int winnerStatus) {
    assertThat(answers)
        .extracting(MockHttpServletResponse::getStatus)
        .containsOnly(winnerStatus, 409)
        .filteredOn(s -> s == winnerStatus)
        .hasSize(1);
    assertThat(losers(answers))
        .extracting(MockHttpServletResponse::getContentType)
        .containsOnly(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    return answers.stream().filter(a -> a.getStatus() == winnerStatus).findFirst().orElseThrow();
  }

  private static List<MockHttpServletResponse> losers(List<MockHttpServletResponse> answers) {
    return answers.stream().filter(a -> a.getStatus() == 409).toList();
  }

  /** The eight UNICEF people tasks are assigned or delegated to, known to the directory. */
  private void knownUnicefPeople(String team) throws Exception {
    for (int i = 0; i < 8; i++) {
      known(person("unicef-" + i, List.of("focal-point"), "UNICEF", List.of(team)));
    }
  }
}
