package org.uprengage.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

class WebhookDeliveryTest extends NotificationIntegrationTest {

  private static final WebhookReceiver receiver = new WebhookReceiver();
  private static final RequestPostProcessor COORDINATOR = as("coordinator", null, "coordinator");
  private static final RequestPostProcessor HEAD_UNICEF =
      as("head-unicef", "UNICEF", "head-of-office");
  private static final RequestPostProcessor FOCAL_UNDP = as("focal-undp", "UNDP", "focal-point");

  @Autowired ObjectMapper json;
  @Autowired People people;
  private final List<String> subscriptions = new ArrayList<>();

  @AfterEach
  void unsubscribe() {
    subscriptions.forEach(
        id -> jdbc.update("UPDATE ns_webhook SET deleted_at = now() WHERE id = ?::uuid", id));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void aCountryTeamWebhookGetsEachEventOnceSignedWithItsSecret() throws Exception {
    String path = "/team-" + UUID.randomUUID();
    JsonNode created =
        subscribe(
            COORDINATOR,
            """
            {"url":"%s","eventKinds":["task.created","review.submission-approved"]}
            """
                .formatted(receiver.url(path)));
    assertThat(created.get("countryTeam").asText()).isEqualTo("GHA");
    assertThat(created.get("status").asText()).isEqualTo("active");
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("whsec_");
    receiver.secret(path, secret);
    String id = created.get("id").asText();

    UUID reviewId = UUID.randomUUID();
    kafka
        .send(
            cloudEvent(
                REVIEWS_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.review.started.v1",
                """
                {"reviewId":"%s","sequence":1,"country":"GHA","session":"49","startedBy":"coordinator"}
                """
                    .formatted(reviewId)))
        .get();
    await() // review events name no country team: the service learns it from "review started"
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForList(
                        "SELECT country_team FROM ns_review WHERE review_id = ?",
                        String.class,
                        reviewId)
                    .contains("GHA"));
    String taskId = UUID.randomUUID().toString();
    var task = taskCreated(reviewId, taskId, List.of("UNICEF"));
    kafka.send(task).get();
    kafka.send(task).get(); // redelivered: not posted twice
    kafka
        .send(
            cloudEvent(
                REVIEWS_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.review.submission-approved.v1",
                """
                {"reviewId":"%s","sequence":7,"round":1,"stage":"clearance","agency":"UNICEF","decidedBy":"head-unicef"}
                """
                    .formatted(reviewId)))
        .get();

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
    List<WebhookReceiver.Received> received = receiver.at(path);
    assertThat(received).allMatch(WebhookReceiver.Received::valid);
    assertThat(received)
        .extracting(r -> json.readTree(r.body()).get("type").asText())
        .containsExactlyInAnyOrder(
            "org.uprengage.task.created.v1", "org.uprengage.review.submission-approved.v1");
    JsonNode taskEvent =
        received.stream()
            .map(r -> readTree(r.body()))
            .filter(e -> e.get("type").asText().contains("task"))
            .findFirst()
            .orElseThrow();
    assertThat(taskEvent.get("specversion").asText()).isEqualTo("1.0");
    assertThat(taskEvent.at("/data/taskId").asText()).isEqualTo(taskId);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/webhooks/" + id + "/deliveries").with(COORDINATOR))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].status").value("delivered"))
                    .andExpect(jsonPath("$[1].status").value("delivered")));
    String deliveries =
        mvc.perform(get("/api/webhooks/" + id + "/deliveries").with(COORDINATOR))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json.readTree(deliveries).findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(
            received.stream().map(WebhookReceiver.Received::id).toList());
    mvc.perform(get("/api/webhooks/" + id).with(COORDINATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.secret").doesNotExist())
        .andExpect(jsonPath("$.url").value(receiver.url(path)));
    mvc.perform(get("/api/webhooks/" + id).with(FOCAL_UNDP)).andExpect(status().isNotFound());
    assertThat(receiver.at(path)).hasSize(2);
  }

  @Test
  void anAgencyWebhookHearsOnlyOfItsOwnAgency() throws Exception {
    String path = "/unicef-" + UUID.randomUUID();
    JsonNode created =
        subscribe(
            HEAD_UNICEF,
            """
            {"agency":"UNICEF","url":"%s","eventKinds":["task.created"]}
            """
                .formatted(receiver.url(path)));
    receiver.secret(path, created.get("secret").asText());
    String forUnicef = UUID.randomUUID().toString();
    String forUnicefHeads = UUID.randomUUID().toString();
    String forUndp = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), forUndp, List.of("UNDP"))).get();
    kafka.send(taskCreated(UUID.randomUUID(), forUnicef, List.of("UNICEF"))).get();
    kafka
        .send(taskCreated(UUID.randomUUID(), forUnicefHeads, List.of("head-of-office:UNICEF")))
        .get();

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> recipientsOf(forUndp).size() == 2);
    assertThat(receiver.at(path))
        .allMatch(WebhookReceiver.Received::valid)
        .extracting(r -> readTree(r.body()).at("/data/taskId").asText())
        .containsExactlyInAnyOrder(forUnicef, forUnicefHeads);
    assertThat(recipientsOf(forUnicefHeads)).containsExactly("head-unicef");
    mvc.perform(get("/api/webhooks").with(FOCAL_UNDP))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + created.get("id").asText() + "')]").isEmpty());
    mvc.perform(get("/api/webhooks").with(COORDINATOR))
        .andExpect(
            jsonPath("$[?(@.id == '" + created.get("id").asText() + "')].agency").value("UNICEF"));
    // its path may carry a credential: only its creator sees it
    String origin = receiver.url("");
    mvc.perform(get("/api/webhooks/" + created.get("id").asText()).with(COORDINATOR))
        .andExpect(jsonPath("$.url").value(origin + "/..."));
    mvc.perform(get("/api/webhooks/" + created.get("id").asText()).with(HEAD_UNICEF))
        .andExpect(jsonPath("$.url").value(receiver.url(path)));
  }

  @Test
  void anAgencyWebhookGetsReviewWideEventsAndMovedDeadlinesOfItsTasks() throws Exception {
    String path = "/unicef-review-" + UUID.randomUUID();
    JsonNode created =
        subscribe(
            HEAD_UNICEF,
            """
            {"agency":"UNICEF","url":"%s","eventKinds":["review.started","deadline.changed"]}
            """
                .formatted(receiver.url(path)));
    receiver.secret(path, created.get("secret").asText());
    UUID reviewId = UUID.randomUUID();
    kafka
        .send(
            cloudEvent(
                REVIEWS_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.review.started.v1",
                """
                {"reviewId":"%s","sequence":1,"country":"GHA","session":"49","startedBy":"coordinator"}
                """
                    .formatted(reviewId)))
        .get();
    String unicefTask = UUID.randomUUID().toString();
    String undpTask = UUID.randomUUID().toString();
    kafka.send(taskCreated(reviewId, unicefTask, List.of("focal-point:UNICEF"))).get();
    kafka.send(taskCreated(reviewId, undpTask, List.of("UNDP"))).get();
    // a deadline.changed names no groups: the service takes them from the tasks it has heard of.
    // Tasks and deadlines are consumed independently, so the tasks must be known first, as they
    // are when the engine moves a deadline of tasks it created earlier.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM ns_task WHERE task_id IN (?, ?)",
                        Integer.class,
                        unicefTask,
                        undpTask)
                    == 2);
    kafka.send(moved(reviewId, undpTask)).get();
    kafka.send(moved(reviewId, unicefTask)).get(); // after the UNDP one, on the same partition

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
    assertThat(receiver.at(path))
        .allMatch(WebhookReceiver.Received::valid)
        .extracting(r -> readTree(r.body()))
        .extracting(e -> e.get("type").asText() + " " + e.at("/data/taskIds/0").asText())
        .containsExactlyInAnyOrder(
            "org.uprengage.review.started.v1 ", "org.uprengage.deadline.changed.v1 " + unicefTask);
    // the UNDP task's move was processed before the UNICEF one's, and queued nothing for UNICEF
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM ns_webhook_delivery WHERE webhook_id = ?::uuid",
                Integer.class,
                created.get("id").asText()))
        .isEqualTo(2);
  }

  private static ProducerRecord<String, String> moved(UUID reviewId, String taskId) {
    return cloudEvent(
        DEADLINES_TOPIC,
        reviewId.toString(),
        UUID.randomUUID().toString(),
        "org.uprengage.deadline.changed.v1",
        """
        {"reviewId":"%s","sequence":5,"milestone":"agencyDraftsDue","oldDueOn":"2027-03-01","newDueOn":"2027-03-15",
         "reason":"session calendar changed","countryTeam":"GHA","taskIds":["%s"]}
        """
            .formatted(reviewId, taskId));
  }

  @Test
  void aFailingReceiverIsRetriedThenTheSubscriptionIsDisabledWithTheReason() throws Exception {
    String path = "/failing-" + UUID.randomUUID();
    double retriedBefore = metric("upr_webhook_deliveries_total", "outcome=\"retry\"");
    double deliveredBefore = metric("upr_webhook_deliveries_total", "outcome=\"delivered\"");
    receiver.answer(path, 500);
    JsonNode created =
        subscribe(
            COORDINATOR,
            """
            {"countryTeam":"GHA","url":"%s","eventKinds":["task.created"]}
            """
                .formatted(receiver.url(path)));
    receiver.secret(path, created.get("secret").asText());
    String id = created.get("id").asText();
    kafka.send(taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"))).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/webhooks/" + id).with(COORDINATOR))
                    .andExpect(jsonPath("$.status").value("disabled")));
    mvc.perform(get("/api/webhooks/" + id).with(COORDINATOR))
        .andExpect(
            jsonPath("$.disabledReason").value(containsString("3 consecutive failed deliveries")))
        .andExpect(jsonPath("$.disabledReason").value(containsString("HTTP 500")));
    assertThat(receiver.at(path)).hasSize(3).allMatch(WebhookReceiver.Received::valid);
    assertThat(receiver.at(path).stream().map(WebhookReceiver.Received::id).distinct())
        .hasSize(1); // the same delivery, retried
    mvc.perform(get("/api/webhooks/" + id + "/deliveries").with(COORDINATOR))
        .andExpect(jsonPath("$[0].status").value("pending"))
        .andExpect(jsonPath("$[0].attempts").value(3))
        .andExpect(jsonPath("$[0].lastStatusCode").value(500));

    receiver.answer(path, 200);
    mvc.perform(post("/api/webhooks/" + id + "/enable").with(COORDINATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("active"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/webhooks/" + id + "/deliveries").with(COORDINATOR))
                    .andExpect(jsonPath("$[0].status").value("delivered")));
    assertThat(metric("upr_webhook_deliveries_total", "outcome=\"retry\""))
        .isGreaterThanOrEqualTo(retriedBefore + 3);
    assertThat(metric("upr_webhook_deliveries_total", "outcome=\"delivered\""))
        .isGreaterThanOrEqualTo(deliveredBefore + 1);
    mvc.perform(delete("/api/webhooks/" + id).with(COORDINATOR)).andExpect(status().isNoContent());
    mvc.perform(get("/api/webhooks/" + id).with(COORDINATOR)).andExpect(status().isNotFound());
  }

  @Test
  void aStallingReceiverHoldsUpNoOtherDeliveryAndItsOwnOnlyUntilTheDeadline() throws Exception {
    String trickling = "/trickling-" + UUID.randomUUID();
    String silent = "/silent-" + UUID.randomUUID();
    receiver.stall(trickling, WebhookReceiver.Stall.TRICKLING_BODY);
    receiver.stall(silent, WebhookReceiver.Stall.SILENCE);
    String tricklingId = subscribe(COORDINATOR, taskCreatedTo(trickling)).get("id").asText();
    String silentId = subscribe(COORDINATOR, taskCreatedTo(silent)).get("id").asText();
    kafka.send(taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"))).get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !receiver.at(trickling).isEmpty() && !receiver.at(silent).isEmpty());

    String healthy = "/healthy-" + UUID.randomUUID();
    JsonNode created = subscribe(COORDINATOR, taskCreatedTo(healthy));
    receiver.secret(healthy, created.get("secret").asText());
    String taskId = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskId, List.of("UNDP"))).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.at(healthy).isEmpty());
    assertThat(readTree(receiver.at(healthy).get(0).body()).at("/data/taskId").asText())
        .isEqualTo(taskId);
    await() // the status line was enough: the endless body was never waited for
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/webhooks/" + tricklingId + "/deliveries").with(COORDINATOR))
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].status").value("delivered"))
                    .andExpect(jsonPath("$[1].status").value("delivered")));
    await() // cut off at the deadline, and tried again later
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/webhooks/" + silentId + "/deliveries").with(COORDINATOR))
                    .andExpect(jsonPath("$[*].lastError").value(hasItem(startsWith("timed out")))));
  }

  private static String taskCreatedTo(String path) {
    return """
        {"url":"%s","eventKinds":["task.created"]}
        """
        .formatted(receiver.url(path));
  }

  @Test
  void aSubscriptionWhoseCreatorLeftTheCountryTeamGetsNothingAndSaysWhy() throws Exception {
    String username = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
    Person admin =
        new Person(username, "Admin", null, "en", null, List.of("admin"), List.of("GHA"));
    people.save(admin);
    String path = "/left-" + UUID.randomUUID();
    JsonNode created = subscribe(as(username, null, "admin"), taskCreatedTo(path));
    receiver.secret(path, created.get("secret").asText());
    String id = created.get("id").asText();
    people.save( // moved to the country team in Kenya since
        new Person(username, "Admin", null, "en", null, List.of("admin"), List.of("KEN")));
    ProducerRecord<String, String> task =
        taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"));
    kafka.send(task).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> processed(task));
    mvc.perform(get("/api/webhooks/" + id).with(COORDINATOR))
        .andExpect(jsonPath("$.status").value("disabled"))
        .andExpect(
            jsonPath("$.disabledReason")
                .value(containsString("its creator " + username + " no longer speaks for")));
    mvc.perform(get("/api/webhooks/" + id + "/deliveries").with(COORDINATOR))
        .andExpect(jsonPath("$.length()").value(0));
    assertThat(receiver.at(path)).isEmpty();
  }

  @Test
  void aSubscriptionOutsideTheCallersRemitIsForbidden() throws Exception {
    mvc.perform(
            post("/api/webhooks")
                .with(FOCAL_UNDP)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"agency":"UNICEF","url":"https://93.184.216.34/hook","eventKinds":["task.created"]}
                    """))
        .andExpect(status().isForbidden())
        .andExpect(header().string("Content-Type", "application/problem+json"));
    mvc.perform(
            post("/api/webhooks")
                .with(FOCAL_UNDP)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"url":"https://93.184.216.34/hook","eventKinds":["task.created"]}
                    """))
        .andExpect(status().isForbidden()); // the whole country team: coordinators only
  }

  @Test
  void aScopeHoldsTwentySubscriptionsAtMostAndListingIsLimitedToWhatOneManages() throws Exception {
    String body =
        """
        {"agency":"UNDP","url":"https://93.184.216.34/hook","eventKinds":["review.submission-sent-back"]}
        """;
    String first = null;
    for (int i = 0; i < Webhooks.MAX_PER_SCOPE; i++) {
      String id = subscribe(COORDINATOR, body).get("id").asText();
      first = first == null ? id : first;
    }
    mvc.perform(
            post("/api/webhooks")
                .with(COORDINATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Too many subscriptions"));
    mvc.perform(get("/api/webhooks").with(FOCAL_UNDP))
        .andExpect(jsonPath("$[?(@.id == '" + first + "')]").isNotEmpty());
    mvc.perform(get("/api/webhooks").with(HEAD_UNICEF))
        .andExpect(jsonPath("$[?(@.agency == 'UNDP')]").isEmpty());
    mvc.perform(get("/api/webhooks").with(as("viewer", null, "viewer")))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void badSubscriptionsAreRefusedNamingTheField() throws Exception {
    mvc.perform(
            post("/api/webhooks")
                .with(COORDINATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"url":"ftp://127.0.0.1/hook","eventKinds":["task.created","task.exploded"]}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.errors[0].field").value("url"))
        .andExpect(jsonPath("$.errors[0].message").value("must be an http or https URL"))
        .andExpect(jsonPath("$.errors[1].field").value("eventKinds[1]"));
    mvc.perform(
            post("/api/webhooks")
                .with(COORDINATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://93.184.216.34/hook\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("eventKinds"));
  }

  @Test
  void aSubscriptionAddedOrDeletedOutsideThisNodeIsHeededFromTheNextEvent() throws Exception {
    // written straight to the table, as another node of the service (or an operator) would: this
    // node's copy of the subscriptions knows nothing of it until it reads the table's generation
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_webhook (id, owner, country_team, url, secret, event_kinds, created_at) VALUES (?, 'coordinator', 'GHA', ?, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '{task.created}', now())",
        id,
        receiver.url("/elsewhere-" + id));
    subscriptions.add(id.toString());
    ProducerRecord<String, String> before =
        taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNICEF"));
    kafka.send(before).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> queuedFor(id, before) == 1);

    jdbc.update("UPDATE ns_webhook SET deleted_at = now() WHERE id = ?", id);
    ProducerRecord<String, String> after =
        taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNICEF"));
    kafka.send(after).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(after));
    assertThat(queuedFor(id, after)).isZero();
  }

  private int queuedFor(UUID webhook, ProducerRecord<String, String> event) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_webhook_delivery WHERE webhook_id = ? AND event_id = ?",
        Integer.class,
        webhook,
        new String(event.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
  }

  private JsonNode subscribe(RequestPostProcessor caller, String body) throws Exception {
    String answer =
        mvc.perform(
                post("/api/webhooks")
                    .with(caller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode created = json.readTree(answer);
    subscriptions.add(created.get("id").asText());
    return created;
  }

  private JsonNode readTree(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
