package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.MovableClock;
import org.uprengage.engine.review.ReviewProcess;

class DeadlinePlannerTest extends EngineIntegrationTest {

  @Autowired MovableClock clock;

  private static JwtRequestPostProcessor admin() {
    return person("admin", List.of("admin"), null, List.of("GHA"));
  }

  @Test
  void aReviewOfASessionWithOfficialDatesGetsMilestonesBackFromTheOfficialDeadline()
      throws Exception {
    String team = newCountryTeam();
    String reviewId =
        startReview(team, 42, coordinator(team)); // UN-entity deadline: 14 July 2022 (official)

    mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].key").value("callForInputs"))
        .andExpect(jsonPath("$[0].dueOn").value("2022-05-05"))
        .andExpect(jsonPath("$[0].basis").value("official"))
        .andExpect(jsonPath("$[1].key").value("agencyDraftsDue"))
        .andExpect(jsonPath("$[1].dueOn").value("2022-06-02"))
        .andExpect(jsonPath("$[5].key").value("submission"))
        .andExpect(jsonPath("$[5].dueOn").value("2022-07-14"));
    mvc.perform(get("/api/tasks").param("reviewId", reviewId).with(coordinator(team)))
        .andExpect(jsonPath("$.items[0].due").value("2022-05-05T21:59:00Z"));
  }

  @Test
  void aReviewOfASessionWithoutOfficialDatesGetsComputedMilestonesMarkedSo() throws Exception {
    String team = newCountryTeam();
    String reviewId =
        startReview(team, 55, coordinator(team)); // opens 3 May 2027: computed deadline 3 Oct 2026

    mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
        .andExpect(jsonPath("$[5].dueOn").value("2026-10-03"))
        .andExpect(jsonPath("$[5].basis").value("computed"))
        .andExpect(jsonPath("$[0].dueOn").value("2026-07-25"));
  }

  @Test
  void movingAMilestoneMovesTheOpenTasksDueAndSaysSo() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\",\"UNDP\"]}", coordinator(team));

    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/agencyDraftsDue")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\":\"2022-06-16\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.basis").value("moved"))
        .andExpect(jsonPath("$.movedBy").value("coordinator"));

    assertThat(dueDatesOf(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION))
        .containsOnly(Instant.parse("2022-06-16T21:59:00Z"))
        .hasSize(2);
    assertThat(outboxTypes(reviewId)).endsWith(DeadlineChanged.TYPE);
    assertThat(lastPayload(reviewId))
        .contains(
            "\"oldDueOn\":\"2022-06-02\"",
            "\"newDueOn\":\"2022-06-16\"",
            "\"milestone\":\"agencyDraftsDue\"");
  }

  @Test
  void movingAMilestoneIsForCoordinatorsOfTheReview() throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String body = "{\"dueOn\":\"2022-06-16\"}";
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/agencyDraftsDue")
                .with(focalUnicef(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/agencyDraftsDue")
                .with(coordinator(newCountryTeam()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/teaBreak")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/agencyDraftsDue")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\":\"soon\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
  }

  @Test
  void whenTheCalendarMovesTheDeadlineRunningReviewsFollowExceptMovedMilestones() throws Exception {
    String team = newCountryTeam();
    int year = LocalDate.now(clock).getYear() + 5; // every date of the test still to come
    int session = 800 + (int) Math.floorMod(System.nanoTime(), 90L);
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"number\":"
                        + session
                        + ",\"startsOn\":\""
                        + (year + 1)
                        + "-05-05\",\"endsOn\":\""
                        + (year + 1)
                        + "-05-16\",\"stakeholderDeadline\":\""
                        + year
                        + "-10-09\"}"))
        .andExpect(status().isCreated());
    String reviewId = startReview(team, session, coordinator(team));
    mvc.perform(
            put("/api/reviews/" + reviewId + "/milestones/submission")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\":\"" + year + "-10-02\"}"))
        .andExpect(status().isOk());

    mvc.perform(
            patch("/api/sessions/" + session)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unEntityDeadline\":\"" + year + "-10-30\"}"))
        .andExpect(status().isOk());

    mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
        .andExpect(jsonPath("$[0].dueOn").value(year + "-08-21")) // 70 days before 30 Oct
        .andExpect(jsonPath("$[0].basis").value("official"))
        .andExpect(jsonPath("$[5].dueOn").value(year + "-10-02")) // moved by the coordinator: stays
        .andExpect(jsonPath("$[5].basis").value("moved"));
    assertThat(dueDatesOf(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION))
        .containsExactly(
            LocalDate.of(year, 8, 21)
                .atTime(23, 59)
                .atZone(ZoneId.of("Europe/Zurich"))
                .toInstant());
    assertThat(outboxTypes(reviewId))
        .filteredOn(DeadlineChanged.TYPE::equals)
        .hasSize(1 + 5); // the move, then five followers
  }

  private List<Instant> dueDatesOf(String reviewId, String taskKey) {
    return jdbc
        .queryForList(
            "SELECT t.due_date_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ? AND t.task_def_key_ = ?",
            Timestamp.class,
            reviewId,
            taskKey)
        .stream()
        .map(Timestamp::toInstant)
        .toList();
  }

  private String lastPayload(String reviewId) {
    return jdbc.queryForObject(
        "SELECT payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position DESC LIMIT 1",
        String.class,
        reviewId);
  }
}
