package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An implementation round across the three services, on the real clock, through web-api as the demo
 * users: a review of a WG session held five months ago reaches its follow-up with three
 * recommendations imported (UNICEF leads on two, UNDP on one) and the HRC adoption recorded 40 days
 * ago, so that with rounds every month the first round opens as the follow-up starts. The
 * coordinator gives UNICEF's "Report progress" a due time a day and some seconds ahead: UNICEF's
 * focal point gets the 1-day reminder; then a time seconds ahead, which passes: the escalation
 * reaches the coordinator. UNICEF reports, its head of office clears the update, the round closes
 * and the implementation matrix shows the new status and narrative.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class ImplementationRoundIT {

  private static final int SESSION = 91;
  private static final String REPORT_PROGRESS = "UserTask_ReportProgress";
  private static final String CLEAR_PROGRESS = "UserTask_ClearProgress";
  private static final String LIST =
      "paragraph,text\n"
          + "121.1,Ratify the Convention (France);\n"
          + "121.2,Protect children online (Chile);\n"
          + "121.3,Fight poverty (Peru);\n";

  private static String webApi;
  private static Api coordinator;
  private static Api focalUnicef;
  private static Api headUnicef;
  private static Api focalUndp;

  @BeforeAll
  static void startPlatform() throws Exception {
    webApi = Platform.get().webApi;
    coordinator = new Api(webApi, "coordinator", "demo");
    focalUnicef = new Api(webApi, "focal-unicef", "demo");
    headUnicef = new Api(webApi, "head-unicef", "demo");
    focalUndp = new Api(webApi, "focal-undp", "demo");
    // A session held about five months ago: its WG report is adopted, its mid-term report years
    // ahead.
    LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusDays(150);
    Api.Response session =
        new Api(webApi, "admin", "demo")
            .post(
                "/api/sessions",
                "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                    .formatted(SESSION, startsOn, startsOn.plusDays(11)));
    assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
  }

  /** The team's settings as they were by default, for the end-to-end tests after this one. */
  @AfterAll
  static void defaultSettingsAgain() throws Exception {
    Api.Response settings =
        coordinator.put(
            "/api/country-teams/GHA/implementation-settings",
            "{\"progressClearance\":false,\"roundMonths\":6}");
    assertThat(settings.status()).as(settings.body().toString()).isEqualTo(200);
  }

  @Test
  void theAgencyIsRemindedMissesTheDeadlineReportsAndIsClearedAndTheMatrixShowsIt()
      throws Exception {
    String review = inFollowUpWithARoundEveryMonth();

    // The round opened as the follow-up started: one "Report progress" per lead agency.
    String unicefTask = focalUnicef.onlyTask(review, REPORT_PROGRESS);
    String undpTask = focalUndp.onlyTask(review, REPORT_PROGRESS);
    assertThat(unicefTask).isNotEqualTo(undpTask);
    JsonNode asked = focalUnicef.get("/api/tasks/" + unicefTask).body();
    List<String> paragraphs = new ArrayList<>();
    asked.get("recommendations").forEach(r -> paragraphs.add(r.get("paragraph").asText()));
    assertThat(paragraphs).containsExactly("121.1", "121.2");

    // Reminder: due a day and 20 seconds from now, the 1-day reminder falls due in 20 seconds.
    Instant dueSoon = Instant.now().plus(Duration.ofDays(1)).plusSeconds(20);
    setDue(unicefTask, dueSoon);
    awaitNotification(focalUnicef, "deadline-approaching", unicefTask);

    // Missed: due in 15 seconds (the engine takes only a time still to come, and the request may
    // wait a few seconds on a loaded machine), and the time passes.
    setDue(unicefTask, Instant.now().plusSeconds(15));
    awaitNotification(coordinator, "deadline-missed", unicefTask);

    // Late, UNICEF reports on 121.2; its head of office must clear it before it counts.
    String recommendation = null;
    for (JsonNode r : asked.get("recommendations")) {
      if ("121.2".equals(r.get("paragraph").asText())) {
        recommendation = r.get("id").asText();
      }
    }
    String progress = "/api/reviews/" + review + "/recommendations/" + recommendation + "/progress";
    Api.Response reported =
        focalUnicef.post(
            progress,
            "{\"status\":\"implemented\",\"narrative\":\"Online safety law adopted\","
                + "\"asOf\":\"%s\"}".formatted(LocalDate.now(ZoneOffset.UTC)));
    assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
    assertThat(reported.body().get("clearance").asText()).isEqualTo("pending");
    String update = reported.body().get("id").asText();
    complete(focalUnicef, unicefTask, "{}");
    complete(focalUndp, undpTask, "{\"nothingChanged\":\"yes\"}");

    String clearance = headUnicef.onlyTask(review, CLEAR_PROGRESS);
    Api.Response cleared =
        headUnicef.post(progress + "/" + update + "/clearance", "{\"decision\":\"clear\"}");
    assertThat(cleared.status()).as(cleared.body().toString()).isEqualTo(200);
    complete(headUnicef, clearance, "{}");

    // The round closed: no task of it is left, and the matrix shows what UNICEF reported.
    await("the round closes")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                openTasks(focalUnicef, review, REPORT_PROGRESS) == 0
                    && openTasks(focalUndp, review, REPORT_PROGRESS) == 0
                    && openTasks(headUnicef, review, CLEAR_PROGRESS) == 0);
    JsonNode matrix =
        coordinator.get("/api/reviews/" + review + "/implementation-matrix?groupBy=agency").body();
    JsonNode unicef = null;
    for (JsonNode group : matrix.get("groups")) {
      if ("UNICEF".equals(group.get("heading").asText())) {
        unicef = group;
      }
    }
    assertThat(unicef).as(matrix.toString()).isNotNull();
    JsonNode onlineSafety = unicef.get("recommendations").get(1);
    assertThat(onlineSafety.get("paragraph").asText()).isEqualTo("121.2");
    assertThat(onlineSafety.get("status").asText()).isEqualTo("implemented");
    assertThat(onlineSafety.get("latestNarrative").asText()).isEqualTo("Online safety law adopted");
    assertThat(unicef.get("recommendations").get(0).get("status").asText())
        .isEqualTo("not-started");
  }

  /**
   * A review of Ghana in the session, with no UN submission, its three recommendations imported and
   * assigned, its positions recorded and its HRC adoption recorded 40 days ago, in its follow-up;
   * the team asks for a round every month and heads of office to clear progress.
   */
  private static String inFollowUpWithARoundEveryMonth() throws Exception {
    Api.Response settings =
        coordinator.put(
            "/api/country-teams/GHA/implementation-settings",
            "{\"progressClearance\":true,\"roundMonths\":1}");
    assertThat(settings.status()).as(settings.body().toString()).isEqualTo(200);
    Api.Response started =
        coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + SESSION + "}");
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    String review = started.body().get("id").asText();
    complete(
        coordinator, coordinator.onlyTask(review, "UserTask_PlanSubmission"), "{\"agencies\":[]}");
    complete(coordinator, coordinator.onlyTask(review, "UserTask_BriefRecommendingStates"), "{}");

    Api.Response imported =
        coordinator.postAs("/api/reviews/" + review + "/recommendations/imports", "text/csv", LIST);
    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    assertThat(imported.body().get("added").asInt()).isEqualTo(3);
    assign(review, "UNICEF", "\"121.1\",\"121.2\"");
    assign(review, "UNDP", "\"121.3\"");

    // The session's WG report was adopted months ago: the timer has fired.
    complete(
        coordinator,
        coordinator.onlyTask(review, "UserTask_RecordRecommendations"),
        "{\"wgReportSymbol\":\"A/HRC/E2E/15\"}");
    String positions =
        "[{\"paragraph\":\"121.1\",\"position\":\"supported\"},"
            + "{\"paragraph\":\"121.2\",\"position\":\"supported\"},"
            + "{\"paragraph\":\"121.3\",\"position\":\"noted\"}]";
    complete(
        coordinator,
        coordinator.onlyTask(review, "UserTask_RecordEarlyPositions"),
        "{\"positions\":" + positions + "}");
    complete(
        coordinator,
        coordinator.onlyTask(review, "UserTask_RecordFinalPositions"),
        "{\"positions\":" + positions + ",\"addendumSymbol\":\"A/HRC/E2E/15/Add.1\"}");
    complete(
        coordinator,
        coordinator.onlyTask(review, "UserTask_RecordHrcAdoption"),
        "{\"adoptedOn\":\"%s\"}".formatted(LocalDate.now(ZoneOffset.UTC).minusDays(40)));
    return review;
  }

  private static void assign(String review, String agency, String paragraphs) throws Exception {
    Api.Response assigned =
        coordinator.post(
            "/api/reviews/" + review + "/recommendations/assignments",
            "{\"leadAgency\":\"" + agency + "\",\"paragraphs\":[" + paragraphs + "]}");
    assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
  }

  /** The coordinator gives the task a due time of its own (to the second). */
  private static void setDue(String task, Instant at) throws Exception {
    Api.Response due =
        coordinator.post(
            "/api/tasks/" + task + "/due",
            "{\"at\":\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\"}");
    assertThat(due.status()).as(due.body().toString()).isEqualTo(200);
  }

  /** Waits until one notification of that kind about the task is in {@code who}'s inbox. */
  private static void awaitNotification(Api who, String kind, String task) {
    await(kind + " about " + task)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<String> found = new ArrayList<>();
              who.get("/api/notifications?size=100")
                  .body()
                  .get("items")
                  .forEach(
                      item -> {
                        if (kind.equals(item.path("kind").asText())
                            && task.equals(item.path("taskId").asText())) {
                          found.add(item.path("id").asText());
                        }
                      });
              assertThat(found).hasSize(1);
            });
  }

  private static int openTasks(Api who, String review, String taskKey) throws Exception {
    return who.get("/api/tasks?reviewId=" + review + "&taskKey=" + taskKey)
        .body()
        .get("items")
        .size();
  }

  /** Claims the task and completes it with the inputs given. */
  private static void complete(Api who, String task, String inputs) throws Exception {
    Api.Response claimed = who.post("/api/tasks/" + task + "/claim", null);
    assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
    Api.Response done = who.post("/api/tasks/" + task + "/complete", inputs);
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);
  }
}
