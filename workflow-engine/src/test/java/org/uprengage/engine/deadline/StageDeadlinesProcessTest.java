package org.uprengage.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.MovableClock;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * The later stages' dates move in a running review: the WG session's end (its timer) follows the
 * calendar, earlier and later, and fires once at the date it has when it fires; a moved milestone
 * moves its open task's due date and the task's watch.
 */
class StageDeadlinesProcessTest extends EngineIntegrationTest {

  private static final AtomicInteger sessions =
      new AtomicInteger(700); // SessionCalendarTest counts from 900

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired DeadlinePlanner planner;

  @Autowired MovableClock clock;

  /** The year before the WG session's: the stakeholders' deadline falls in it. */
  private int year() {
    return next() - 1;
  }

  /**
   * The WG session's year: at least six years after the injected clock's today, so that every date
   * of these tests lies ahead, and one whose 16 May is a Friday, so that the State's review day and
   * the adoption of the WG report, which count working days, fall as the dates below say.
   */
  private int next() {
    int year = clock.yearFromNow(6);
    while (LocalDate.of(year, 5, 16).getDayOfWeek() != DayOfWeek.FRIDAY) {
      year++;
    }
    return year;
  }

  @BeforeEach
  void assertionsOnThisEngine() {
    init(engine);
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void theSessionEndingLaterThenEarlierMovesTheWgTimerWhichFiresOnce() throws Exception {
    int session = newSession();
    ReviewWalk walk = inTheWgSession(session);
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse(next() + "-05-16T21:59:00Z"));

    changeSession(session, "{\"endsOn\":\"" + next() + "-05-20\"}");
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse(next() + "-05-20T21:59:00Z"));
    changeSession(session, "{\"endsOn\":\"" + next() + "-05-15\"}");
    assertThat(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED).getDuedate().toInstant())
        .isEqualTo(Instant.parse(next() + "-05-15T21:59:00Z"));

    walk.fire(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED));

    assertThat(walk.timers(ReviewProcess.TIMER_WG_REPORT_ADOPTED)).isEmpty();
    assertThat(walk.running(ReviewProcess.WG_REVIEW_PROCESS_KEY))
        .isWaitingAt(ReviewProcess.TASK_RECORD_RECOMMENDATIONS);
    assertThat(walk.task(ReviewProcess.TASK_RECORD_RECOMMENDATIONS).getDueDate().toInstant())
        .isEqualTo(Instant.parse(next() + "-05-29T21:59:00Z")); // 14 days after the new end
    assertThat(changes(walk, DeadlinePlanner.WG_REPORT_ADOPTED))
        .containsExactly(
            "\"oldDueOn\":\"" + next() + "-05-16\",\"newDueOn\":\"" + next() + "-05-20\"",
            "\"oldDueOn\":\"" + next() + "-05-20\",\"newDueOn\":\"" + next() + "-05-15\"");
  }

  @Test
  void movingAStageMilestoneEarlierAndLaterMovesItsTaskAndTheTasksWatch() throws Exception {
    ReviewWalk walk = inTheWgSession(newSession());
    walk.fire(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED)); // 16 May of the next() year()
    // "Record the recommendations" is due 30 May of that year(); 14 days before is now: next(), 7
    // days
    // before
    assertThat(watch(walk).nextAlertAt()).isEqualTo(Instant.parse(next() + "-05-23T21:59:00Z"));

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        DeadlinePlanner.RECOMMENDATIONS_RECORDED,
        LocalDate.of(next(), 6, 20));
    assertThat(walk.task(ReviewProcess.TASK_RECORD_RECOMMENDATIONS).getDueDate().toInstant())
        .isEqualTo(Instant.parse(next() + "-06-20T21:59:00Z"));
    assertThat(watch(walk).nextAlertAt()).isEqualTo(Instant.parse(next() + "-06-06T21:59:00Z"));

    planner.move(
        walk.coordinator(),
        walk.review().id(),
        DeadlinePlanner.RECOMMENDATIONS_RECORDED,
        LocalDate.of(next(), 5, 20));
    assertThat(watch(walk).nextAlertAt())
        .isEqualTo(Instant.parse(next() + "-05-19T21:59:00Z")); // 14 and 7 days before have passed
    assertThat(changes(walk, DeadlinePlanner.RECOMMENDATIONS_RECORDED)).hasSize(2);
  }

  /** A review in a session of its own, past its submission (none) and briefings. */
  private ReviewWalk inTheWgSession(int session) {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), session);
    walk.complete(
        walk.coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of()));
    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    return walk;
  }

  private int newSession() throws Exception {
    int session = sessions.getAndIncrement();
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"number\":"
                        + session
                        + ",\"startsOn\":\""
                        + next()
                        + "-05-05\",\"endsOn\":\""
                        + next()
                        + "-05-16\",\"stakeholderDeadline\":\""
                        + year()
                        + "-10-09\"}"))
        .andExpect(status().isCreated());
    return session;
  }

  private void changeSession(int session, String json) throws Exception {
    mvc.perform(
            patch("/api/sessions/" + session)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  /** The old and new dates of each "deadline changed" of a milestone, oldest first. */
  private List<String> changes(ReviewWalk walk, String milestone) {
    return jdbc
        .queryForList(
            "SELECT payload FROM upr_event_outbox WHERE record_key = ? AND type = ? ORDER BY position",
            String.class,
            walk.review().id().toString(),
            DeadlineChanged.TYPE)
        .stream()
        .filter(payload -> payload.contains("\"milestone\":\"" + milestone + "\""))
        .map(
            payload ->
                payload.substring(payload.indexOf("\"oldDueOn\""), payload.indexOf(",\"reason\"")))
        .toList();
  }

  private static RequestPostProcessor admin() {
    return person("admin", List.of("admin"), null, List.of("GHA"));
  }
}
