package org.uprengage.engine;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.deadline.DeadlineWatchPoller;
import org.uprengage.engine.deadline.DeadlineWatches;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.testsupport.Metrics;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * Base of the engine's integration tests: one Spring context on this run's own PostgreSQL database
 * and Kafka broker, shared by every test class that extends it. The job executor is off: tests fire
 * jobs themselves. The engine's clock is a {@link MovableClock}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles({"demo", "test"})
@Import(EngineIntegrationTest.TestClock.class)
public abstract class EngineIntegrationTest {

  private static final AtomicInteger countryTeams = new AtomicInteger();

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired private PrometheusMeterRegistry prometheus;
  @Autowired protected DeadlineWatches deadlineWatches;
  @Autowired private DeadlineWatchPoller deadlineWatchPoller;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestInfrastructure.database("engine"));
    registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().user());
    registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    registry.add("upr.events.topics.tasks", () -> TestInfrastructure.topic("upr.tasks.v1"));
    registry.add("upr.events.topics.reviews", () -> TestInfrastructure.topic("upr.reviews.v1"));
    registry.add("upr.events.topics.deadlines", () -> TestInfrastructure.topic("upr.deadlines.v1"));
    registry.add("upr.events.topics.people", () -> TestInfrastructure.topic("upr.people.v1"));
  }

  /**
   * Camunda's clock (static, one for the whole run) back to the real time after each test, whether
   * or not the test moved it: firing a job moves it to the job's due time (ReviewWalk).
   */
  @AfterEach
  void camundaClockToTheRealTime() {
    ClockUtil.reset();
  }

  /** Starts a review through the API as {@code who} and returns its id. */
  protected String startReview(String team, int session, RequestPostProcessor who)
      throws Exception {
    String body =
        mvc.perform(
                post("/api/reviews")
                    .with(who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"country\":\"" + team + "\",\"session\":" + session + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /**
   * Starts a review as the team's coordinator and plans the submission with the agencies given;
   * returns the review's id.
   */
  protected String planned(String team, int session, String... agencies) throws Exception {
    String reviewId = startReview(team, session, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(
            plan,
            "{\"agencies\":["
                + String.join(",", Arrays.stream(agencies).map(a -> "\"" + a + "\"").toList())
                + "]}",
            coordinator(team))
        .andExpect(status().isNoContent());
    return reviewId;
  }

  /**
   * The focal point claims their agency's section of the review to draft and hands in {@code text}
   * (as it goes in a JSON string).
   */
  protected void draft(String reviewId, RequestPostProcessor focal, String text) throws Exception {
    String task = taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focal).get(0);
    act(task, "claim", focal);
    complete(task, "{\"text\":\"" + text + "\"}", focal).andExpect(status().isNoContent());
  }

  /** The ids of the tasks {@code who} sees in the review, with the given task key. */
  protected List<String> taskIds(String reviewId, String taskKey, RequestPostProcessor who)
      throws Exception {
    String body =
        mvc.perform(get("/api/tasks").with(who))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(
        body, "$.items[?(@.reviewId == '" + reviewId + "' && @.taskKey == '" + taskKey + "')].id");
  }

  /** POSTs a JSON body as {@code who}. */
  protected ResultActions postJson(String path, String json, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  protected ResultActions act(String taskId, String action, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(post("/api/tasks/" + taskId + "/" + action).with(who));
  }

  protected ResultActions complete(String taskId, String json, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        post("/api/tasks/" + taskId + "/complete")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  /** The deadline watches of the review's tasks, the next to alert first. */
  protected List<DeadlineWatches.Watch> watches(ReviewWalk walk) {
    return deadlineWatches.ofReview(walk.review().id());
  }

  /** The one deadline watch of the review's tasks. */
  protected DeadlineWatches.Watch watch(ReviewWalk walk) {
    List<DeadlineWatches.Watch> watches = watches(walk);
    if (watches.size() != 1) {
      throw new AssertionError("Expected one deadline watch, found " + watches);
    }
    return watches.get(0);
  }

  /**
   * Moves the engine's clock to the watch's next alert and raises it, as an engine node's poller
   * does (only this watch's: others due by then stay).
   */
  protected void fire(DeadlineWatches.Watch watch) {
    ClockUtil.setCurrentTime(Date.from(watch.nextAlertAt()));
    if (!deadlineWatchPoller.raiseDue(watch.taskId())) {
      throw new AssertionError("The watch of task " + watch.taskId() + " raised nothing");
    }
  }

  /**
   * Raises the alerts of the review's deadline watches that are due at the engine's clock, as an
   * engine node's poller does (other reviews' watches stay as they are).
   */
  protected void raiseDueAlerts(ReviewWalk walk) {
    for (DeadlineWatches.Watch watch : watches(walk)) {
      for (int alert = 0; deadlineWatchPoller.raiseDue(watch.taskId()); alert++) {
        if (alert == 10) {
          throw new AssertionError("The watch of task " + watch.taskId() + " kept alerting");
        }
      }
    }
  }

  /** Waits until the relay published (and so numbered) every event the review has in the outbox. */
  protected void awaitPublished(String reviewId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM upr_event_outbox WHERE record_key = ? AND published_at IS NULL",
                        Integer.class,
                        reviewId)
                    == 0);
  }

  /**
   * Event types the outbox holds for a review, in sequence order (those the relay has not numbered
   * yet last, in the order they were written: the order it will number them in).
   */
  protected List<String> outboxTypes(String reviewId) {
    return jdbc.queryForList(
        "SELECT type FROM upr_event_outbox WHERE record_key = ? ORDER BY sequence NULLS LAST, position",
        String.class,
        reviewId);
  }

  /**
   * A country team of its own for one test, so tests never see each other's reviews. Codes come
   * from ISO 3166's user-assigned range (XAA-XZZ), never a real country.
   */
  protected String newCountryTeam() {
    int n = countryTeams.getAndIncrement();
    String code = "X" + (char) ('A' + n / 26) + (char) ('A' + n % 26);
    jdbc.update(
        "INSERT INTO upr_country_team (code, name) VALUES (?, ?)", code, "Test team " + code);
    return code;
  }

  /**
   * Makes the people known to the directory as their tokens describe them (their first request
   * does), so they can be given tasks.
   */
  protected void known(RequestPostProcessor... people) throws Exception {
    for (RequestPostProcessor person : people) {
      mvc.perform(get("/api/agencies").with(person)).andExpect(status().isOk());
    }
  }

  /** The installation's platform admin, a member of no country team. */
  protected static JwtRequestPostProcessor platformAdmin() {
    return person("platform", List.of("platform-admin"), null, List.of());
  }

  /** People as their tokens would describe them, in the country team given. */
  protected static JwtRequestPostProcessor coordinator(String team) {
    return person("coordinator", List.of("coordinator"), null, List.of(team));
  }

  protected static JwtRequestPostProcessor focalUnicef(String team) {
    return person("focal-unicef", List.of("focal-point"), "UNICEF", List.of(team));
  }

  protected static JwtRequestPostProcessor focalUndp(String team) {
    return person("focal-undp", List.of("focal-point"), "UNDP", List.of(team));
  }

  protected static JwtRequestPostProcessor headUnicef(String team) {
    return person("head-unicef", List.of("head-of-office"), "UNICEF", List.of(team));
  }

  protected static JwtRequestPostProcessor person(
      String username, List<String> roles, String agency, List<String> teams) {
    return jwt()
        .jwt(
            token -> {
              token
                  .subject(username)
                  .claim("preferred_username", username)
                  .claim("roles", roles)
                  .claim("country_teams", teams);
              if (agency != null) {
                token.claim("agency", agency);
              }
            });
  }

  /** The incident as GET /api/admin/incidents lists it to a platform admin (exactly once). */
  protected Map<String, Object> listedIncident(String incidentId) throws Exception {
    String listed =
        mvc.perform(get("/api/admin/incidents").with(platformAdmin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> found = JsonPath.read(listed, "$[?(@.id == '" + incidentId + "')]");
    if (found.size() != 1) {
      throw new AssertionError("Expected incident " + incidentId + " listed once: " + listed);
    }
    return found.get(0);
  }

  /**
   * How many retries of an incident accepted (202) from a platform admin the review's audit holds.
   */
  protected long auditedIncidentRetries(String reviewId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM upr_audit WHERE action = ? AND outcome = 202 AND actor = 'platform' AND review_id = ?::uuid",
        Long.class,
        "POST /api/admin/incidents/{id}/retry",
        reviewId);
  }

  /** What {@code /actuator/prometheus} answers now, in Prometheus's text format. */
  protected String scrape() {
    return prometheus.scrape();
  }

  /** The sum of a metric's samples that carry the labels given ({@link Metrics#value}). */
  protected double metric(String name, String... labels) {
    return Metrics.value(scrape(), name, labels);
  }

  /** Gives the engine a clock the tests can move. */
  @TestConfiguration
  static class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
