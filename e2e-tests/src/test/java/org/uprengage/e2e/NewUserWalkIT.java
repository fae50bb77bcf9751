package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a new user of the README sees, through web-api alone, on the running platform: their tasks
 * in the inbox, e-mails as their preferences say in a real SMTP server, signed webhook deliveries
 * that verify with the documented algorithm, deadlines in a calendar feed an iCalendar parser
 * reads, the submission sent back once and cleared, and an overdue task escalated.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class NewUserWalkIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static Platform platform;
  private static Api coordinator;
  private static Api focalUnicef;
  private static Api focalUndp;
  private static Api headUnicef;
  private static Api headUndp;
  private static Api rc;

  @BeforeAll
  static void platform() throws Exception {
    platform = Platform.get();
    coordinator = new Api(platform.webApi, "coordinator", "demo");
    focalUnicef = new Api(platform.webApi, "focal-unicef", "demo");
    focalUndp = new Api(platform.webApi, "focal-undp", "demo");
    headUnicef = new Api(platform.webApi, "head-unicef", "demo");
    headUndp = new Api(platform.webApi, "head-undp", "demo");
    rc = new Api(platform.webApi, "rc", "demo");
  }

  @Test
  void everyChannelTellsOfTheWorkAndASentBackSubmissionIsClearedAndSent() throws Exception {
    Api.Response hook =
        coordinator.post(
            "/api/webhooks",
            "{\"url\":\""
                + platform.webhookUrl
                + "\",\"eventKinds\":[\"task.created\",\"review.submission-sent-back\"]}");
    assertThat(hook.status()).as(hook.body().toString()).isEqualTo(201);
    String secret = hook.body().get("secret").asText();
    Api.Response quiet =
        focalUndp.put(
            "/api/me/notification-preferences",
            "{\"kinds\":{\"task-available\":{\"inApp\":true,\"email\":\"off\"}}}");
    assertThat(quiet.status()).as(quiet.body().toString()).isEqualTo(200);
    Api.Response feed = focalUnicef.post("/api/calendar-feeds", "{\"scope\":\"person\"}");
    assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
    String feedUrl = feed.body().get("url").asText();

    // A session far enough ahead that every deadline of the submission is still to come.
    new Api(platform.webApi, "admin", "demo").addSessionAhead(60);
    String reviewId = start(60);
    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    complete(coordinator, plan, "{\"agencies\":[\"UNICEF\",\"UNDP\"]}");
    String unicefDraft = taskOf(focalUnicef, reviewId, "UserTask_DraftAgencySection");
    String undpDraft = taskOf(focalUndp, reviewId, "UserTask_DraftAgencySection");

    // In-app for both; e-mail for UNICEF's focal point only: UNDP's turned it off for new tasks.
    await("both focal points notified in-app")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(inboxTasks(focalUnicef)).contains(unicefDraft);
              assertThat(inboxTasks(focalUndp)).contains(undpDraft);
            });
    await("an e-mail to UNICEF's focal point")
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsAbout("focal-unicef@example.org", unicefDraft).size() == 1);
    MimeMessage mail = mailsAbout("focal-unicef@example.org", unicefDraft).get(0);
    assertThat(mail.getSubject()).isNotBlank();
    assertThat(mailsAbout("focal-undp@example.org", undpDraft)).isEmpty();

    // A signed webhook delivery per new task, verified as the documentation says (Standard
    // Webhooks).
    await("webhook deliveries of the two drafts")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                deliveriesAbout(undpDraft).isPresent() && deliveriesAbout(unicefDraft).isPresent());
    Platform.Delivery delivery = deliveriesAbout(unicefDraft).orElseThrow();
    assertThat(
            verifies(
                secret, delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()))
        .as("the signature verifies")
        .isTrue();
    assertThat(
            verifies(
                secret,
                deliveriesAbout(undpDraft).orElseThrow().id(),
                delivery.timestamp(),
                delivery.body(),
                delivery.signature()))
        .as("the same delivery under another delivery's id does not")
        .isFalse();
    assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp())))
        .isLessThan(300);
    JsonNode event = json.readTree(delivery.body());
    assertThat(event.get("specversion").asText()).isEqualTo("1.0");
    assertThat(event.get("type").asText()).isEqualTo("org.uprengage.task.created.v1");
    assertThat(
            verifies(
                "whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                delivery.id(),
                delivery.timestamp(),
                delivery.body(),
                delivery.signature()))
        .as("nor with another secret")
        .isFalse();

    // The draft's deadline in the calendar feed, as a calendar program reads it.
    LocalDate due =
        Instant.parse(focalUnicef.get("/api/tasks/" + unicefDraft).body().get("due").asText())
            .atZone(ZoneOffset.UTC)
            .toLocalDate();
    await("the draft's deadline in the calendar feed")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Api.fetch(feedUrl))
                    .as(feedUrl)
                    .contains("task-" + unicefDraft + "@uprengage.org"));
    VEvent deadline = eventFor(feedUrl, unicefDraft).orElseThrow();
    assertThat(deadline.getDateTimeStart().getValue()).isEqualTo(due.toString().replace("-", ""));

    // The submission: drafted, consolidated, sent back by UNICEF's head, revised, cleared, sent.
    complete(focalUnicef, unicefDraft, "{\"text\":\"UNICEF: birth registration\"}");
    complete(focalUndp, undpDraft, "{\"text\":\"UNDP: access to justice\"}");
    consolidate(reviewId, "Joint submission, round 1");
    JsonNode waiting = headUnicef.get("/api/approvals").body();
    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0).get("text").asText()).isEqualTo("Joint submission, round 1");
    complete(
        headUnicef,
        waiting.get(0).get("task").get("id").asText(),
        "{\"decision\":\"send-back\",\"comments\":\"Add the 2024 birth registration figures\"}");
    complete(
        headUndp,
        headUndp.get("/api/approvals").body().get(0).get("task").get("id").asText(),
        "{\"decision\":\"approve\"}");
    await("the sent-back webhook delivery")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                platform.webhookDeliveries.stream()
                    .anyMatch(d -> d.body().contains("submission-sent-back")));
    String revise = taskOf(focalUnicef, reviewId, "UserTask_ReviseAgencySection");
    complete(focalUnicef, revise, "{\"text\":\"UNICEF: birth registration, with 2024 figures\"}");
    consolidate(reviewId, "Joint submission, round 2");
    for (Api head : List.of(headUnicef, headUndp)) {
      String clearance = awaitApproval(head);
      complete(head, clearance, "{\"decision\":\"approve\"}");
    }
    complete(rc, awaitApproval(rc), "{\"decision\":\"approve\"}");
    String record = taskOf(coordinator, reviewId, "UserTask_RecordSubmission");
    complete(
        coordinator,
        record,
        "{\"submittedOn\":\""
            + LocalDate.now(ZoneOffset.UTC)
            + "\",\"reference\":\"UPR60/GHA/UNCT\"}");

    JsonNode submission = coordinator.get("/api/reviews/" + reviewId + "/submission").body();
    assertThat(submission.get("round").asInt()).isEqualTo(2);
    assertThat(submission.get("decisions")).hasSize(5);
    assertThat(submission.get("decisions").get(0).get("comments").asText())
        .isEqualTo("Add the 2024 birth registration figures");
    assertThat(submission.get("sent").get("reference").asText()).isEqualTo("UPR60/GHA/UNCT");
    await("the review moves on to the WG review")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "review"
                    .equals(
                        coordinator.get("/api/reviews/" + reviewId).body().path("stage").asText()));
  }

  @Test
  void aTaskPastItsDeadlineIsEscalatedToTheCoordinator() throws Exception {
    // WG session 42's UN-entity deadline passed in 2022: the plan is overdue from the start.
    String reviewId = start(42);
    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    await("the escalation in the coordinator's inbox")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode items = coordinator.get("/api/notifications?size=100").body().get("items");
              List<String> escalations = new ArrayList<>();
              items.forEach(
                  item -> {
                    if ("deadline-missed".equals(item.path("kind").asText())
                        && plan.equals(item.path("taskId").asText())) {
                      escalations.add(item.path("id").asText());
                    }
                  });
              assertThat(escalations).hasSize(1);
            });
    JsonNode timeline = coordinator.get("/api/reviews/" + reviewId + "/timeline").body();
    List<String> events = new ArrayList<>();
    timeline.forEach(entry -> events.add(entry.path("event").asText()));
    assertThat(events).contains("deadline.missed");
  }

  private static String start(int session) throws Exception {
    Api.Response started =
        coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + session + "}");
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.body().get("id").asText();
  }

  private static void consolidate(String reviewId, String text) throws Exception {
    String task = taskOf(coordinator, reviewId, "UserTask_ConsolidateSubmission");
    complete(coordinator, task, "{\"text\":\"" + text + "\"}");
  }

  /** Claims the task and completes it with the inputs given. */
  private static void complete(Api who, String taskId, String inputs) throws Exception {
    Api.Response claimed = who.post("/api/tasks/" + taskId + "/claim", null);
    assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
    Api.Response done = who.post("/api/tasks/" + taskId + "/complete", inputs);
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);
  }

  private static String awaitApproval(Api who) {
    List<String> found = new ArrayList<>();
    await("a decision waiting")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode waiting = who.get("/api/approvals").body();
              found.clear();
              waiting.forEach(item -> found.add(item.get("task").get("id").asText()));
              return found.size() == 1;
            });
    return found.get(0);
  }

  private static String taskOf(Api who, String reviewId, String taskKey) {
    return who.onlyTask(reviewId, taskKey);
  }

  private static List<String> inboxTasks(Api who) throws Exception {
    List<String> tasks = new ArrayList<>();
    who.get("/api/notifications?size=100")
        .body()
        .get("items")
        .forEach(item -> tasks.add(item.path("taskId").asText()));
    return tasks;
  }

  /** The e-mails to an address whose text mentions the task. */
  private static List<MimeMessage> mailsAbout(String address, String taskId) {
    return Arrays.stream(platform.mail.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(address))
                    && text(message.getContent()).contains(taskId);
              } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                return false;
              }
            })
        .toList();
  }

  /** The decoded text of a message's content, every part of it. */
  private static String text(Object content)
      throws jakarta.mail.MessagingException, java.io.IOException {
    if (content instanceof jakarta.mail.Multipart parts) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < parts.getCount(); i++) {
        text.append(text(parts.getBodyPart(i).getContent()));
      }
      return text.toString();
    }
    return String.valueOf(content);
  }

  private static Optional<Platform.Delivery> deliveriesAbout(String taskId) {
    return platform.webhookDeliveries.stream()
        .filter(d -> d.body().contains("\"taskId\":\"" + taskId + "\""))
        .findFirst();
  }

  /**
   * The documented verification (Standard Webhooks): the base64 HMAC-SHA256 of "id.timestamp.body",
   * keyed with the base64-decoded secret after "whsec_", is one of the header's "v1," signatures.
   */
  private static boolean verifies(
      String secret, String id, String timestamp, String body, String signatures) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] expected =
        ("v1,"
                + Base64.getEncoder()
                    .encodeToString(
                        mac.doFinal(
                            (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
            .getBytes(StandardCharsets.US_ASCII);
    for (String signature : signatures.split(" ")) {
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<VEvent> eventFor(String feedUrl, String taskId) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(Api.fetch(feedUrl)));
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(
            event ->
                event
                    .getUid()
                    .map(uid -> uid.getValue().equals("task-" + taskId + "@uprengage.org"))
                    .orElse(false))
        .findFirst();
  }
}
