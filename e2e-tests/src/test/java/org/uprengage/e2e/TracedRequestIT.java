package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * One request followed through the platform by its trace id: a client starts a review through
 * web-api with its own W3C {@code traceparent}; web-api passes the trace to workflow-engine, whose
 * outbox keeps it with the events the request caused; the relay sends it in each CloudEvent ({@code
 * ce_traceparent}); notification-service handles the task the review offered in that trace, its log
 * line carrying the same trace id, and the coordinators are notified.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class TracedRequestIT {

  private static final int SESSION = 62;

  @Test
  void oneRequestIsFollowedFromWebApiToTheNotificationItCaused() throws Exception {
    Platform platform = Platform.get();
    new Api(platform.webApi, "admin", "demo").addSessionAhead(SESSION);
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1;
    String traceId = HexFormat.of().formatHex(random);

    Api.Response started = // by an admin, so that the coordinator, offered the plan, is told
        new Api(platform.webApi, "admin", "demo")
            .post(
                "/api/reviews",
                "{\"country\":\"GHA\",\"session\":" + SESSION + "}",
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    String reviewId = started.body().get("id").asText();

    List<String> traceparents = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                platform.engineDatabase,
                TestInfrastructure.postgres().user(),
                TestInfrastructure.postgres().password());
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id, traceparent FROM upr_event_outbox WHERE record_key = ? AND type = 'org.uprengage.task.created.v1'")) {
      query.setString(1, reviewId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          eventIds.add(rows.getString(1));
          traceparents.add(rows.getString(2));
        }
      }
    }
    assertThat(eventIds).as("the task the new review offers").isNotEmpty();
    assertThat(traceparents)
        .as("kept in workflow-engine's outbox")
        .allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));

    String eventId = eventIds.get(0);
    await("notification-service handling " + eventId + " in the trace")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        Files.readAllLines(
                                platform.service("notification-service").log(),
                                StandardCharsets.UTF_8)
                            .stream()
                            .filter(line -> line.contains("Handling") && line.contains(eventId)))
                    .anySatisfy(line -> assertThat(line).contains("[" + traceId + ",")));
    await("the coordinator told")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(recipientsOf(eventId)).contains("coordinator"));
  }

  /** Who notification-service told of the event. */
  private static List<String> recipientsOf(String eventId) throws Exception {
    List<String> recipients = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                TestInfrastructure.database("e2e_notification"),
                TestInfrastructure.postgres().user(),
                TestInfrastructure.postgres().password());
        PreparedStatement query =
            db.prepareStatement("SELECT recipient FROM ns_notification WHERE event_id = ?")) {
      query.setString(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          recipients.add(rows.getString(1));
        }
      }
    }
    return recipients;
  }
}
